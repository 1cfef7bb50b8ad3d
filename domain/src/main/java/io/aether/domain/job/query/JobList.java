package io.aether.domain.job.query;

import java.util.List;

/** The most recent jobs and how many there are in all (of the asked type). */
public record JobList(List<JobView> jobs, long total) {}

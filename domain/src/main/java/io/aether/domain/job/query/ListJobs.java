package io.aether.domain.job.query;

import io.aether.domain.job.JobType;

/** The most recent jobs, newest first, from the job-list read model; {@code type} null for every kind. */
public record ListJobs(JobType type, int limit) {}

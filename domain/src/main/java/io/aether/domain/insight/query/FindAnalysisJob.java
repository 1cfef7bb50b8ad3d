package io.aether.domain.insight.query;

import java.util.UUID;

/** One analysis job as its events leave it (an {@code AnalysisJobState}), or null when there is none. */
public record FindAnalysisJob(UUID jobId) {}

package io.aether.domain.optimization.query;

import java.util.UUID;

/** One optimization job with its suggestions; answers null when there is none. */
public record FindOptimizationJob(UUID jobId) {}

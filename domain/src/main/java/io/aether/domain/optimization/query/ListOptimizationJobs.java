package io.aether.domain.optimization.query;

import io.aether.domain.optimization.OptimizationStatus;

/** Optimization jobs, newest first; {@code status} null for all. */
public record ListOptimizationJobs(OptimizationStatus status, int limit) {}

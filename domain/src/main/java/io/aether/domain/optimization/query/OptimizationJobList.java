package io.aether.domain.optimization.query;

import java.util.List;

/** The answer to {@link ListOptimizationJobs}. */
public record OptimizationJobList(List<OptimizationJobView> items) {}

package io.aether.domain.optimization.query;

import io.aether.domain.optimization.OptimizationStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An optimization job as the read model has it, with its suggestions. */
public record OptimizationJobView(
        UUID jobId,
        OptimizationStatus status,
        List<String> analysisTypes,
        int hoursAnalyzed,
        int insightCount,
        int suggestionCount,
        List<SuggestionView> suggestions,
        List<String> recommendations,
        Instant startedAt,
        Instant completedAt,
        String error) {}

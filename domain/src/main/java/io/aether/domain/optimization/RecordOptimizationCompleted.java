package io.aether.domain.optimization;

import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The optimization process reports what the run found: its suggestions, advice and the insights it recorded. */
public record RecordOptimizationCompleted(
        @TargetAggregateIdentifier UUID jobId,
        List<Suggestion> suggestions,
        List<String> recommendations,
        List<UUID> insightIds) {}

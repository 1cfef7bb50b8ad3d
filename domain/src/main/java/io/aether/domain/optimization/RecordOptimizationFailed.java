package io.aether.domain.optimization;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The optimization process reports that the run failed. */
public record RecordOptimizationFailed(
        @TargetAggregateIdentifier UUID jobId, String error) {}

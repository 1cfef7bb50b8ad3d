package io.aether.domain.insight;

import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The analysis process reports the insights it recorded. */
public record RecordAnalysisCompleted(
        @TargetAggregateIdentifier UUID jobId, List<UUID> insightIds) {}

package io.aether.domain.insight;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The analysis process reports that the analysis failed. */
public record RecordAnalysisFailed(
        @TargetAggregateIdentifier UUID jobId, String error) {}

package io.aether.domain.evaluation;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The evaluation process could not finish the job. */
public record RecordEvaluationFailed(
        @TargetAggregateIdentifier UUID jobId, String error) {}

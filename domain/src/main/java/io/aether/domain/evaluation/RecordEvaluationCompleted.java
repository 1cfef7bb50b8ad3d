package io.aether.domain.evaluation;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The evaluation process has scored every trace of the job. */
public record RecordEvaluationCompleted(
        @TargetAggregateIdentifier UUID jobId) {}

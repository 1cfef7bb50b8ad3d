package io.aether.domain.evaluation;

import io.aether.domain.actor.Actor;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The scores of one trace of the job, one per scorer. */
@Revision("1")
public record TraceEvaluated(UUID jobId, String traceId, List<TraceScore> scores, Actor actor)
        implements EvaluationEvent {
    public TraceEvaluated {
        scores = List.copyOf(scores);
    }
}

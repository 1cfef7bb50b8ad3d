package io.aether.domain.evaluation;

import io.aether.domain.actor.Actor;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * Someone (or the nightly run) asked for the scorers to be run over these traces, the newest
 * first at the time of the request; the evaluation process scores them.
 */
@Revision("1")
public record EvaluationRequested(UUID jobId, List<String> traceIds, Actor actor) implements EvaluationEvent {
    public EvaluationRequested {
        traceIds = traceIds == null ? List.of() : List.copyOf(traceIds);
    }
}

package io.aether.domain.evaluation;

import io.aether.domain.actor.Actor;
import java.util.UUID;

/** Every event of an evaluation job names its job and who caused it. */
public interface EvaluationEvent {
    UUID jobId();

    Actor actor();
}

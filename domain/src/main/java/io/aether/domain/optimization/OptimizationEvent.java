package io.aether.domain.optimization;

import io.aether.domain.actor.Actor;
import java.util.UUID;

/** Every event of an optimization job names its job and who caused it. */
public interface OptimizationEvent {
    UUID jobId();

    Actor actor();
}

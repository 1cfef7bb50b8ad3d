package io.aether.domain.insight;

import io.aether.domain.actor.Actor;
import java.util.UUID;

/** Every event of an analysis job names its job and who caused it. */
public interface AnalysisEvent {
    UUID jobId();

    Actor actor();
}

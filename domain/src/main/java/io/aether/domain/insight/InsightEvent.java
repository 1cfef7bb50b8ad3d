package io.aether.domain.insight;

import io.aether.domain.actor.Actor;
import java.util.UUID;

/** Every event of the Insight aggregate names its insight and who caused it. */
public interface InsightEvent {
    UUID insightId();

    /** The authenticated principal (or agent, or {@code system}) that caused the event. */
    Actor actor();
}

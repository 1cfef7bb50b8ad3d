package io.aether.domain.insight;

import io.aether.domain.actor.Actor;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The analysis finished; {@code insightIds} are the insights it recorded (possibly none). */
@Revision("1")
public record AnalysisCompleted(UUID jobId, List<UUID> insightIds, Actor actor) implements AnalysisEvent {
    public AnalysisCompleted {
        insightIds = List.copyOf(insightIds);
    }
}

package io.aether.domain.optimization;

import io.aether.domain.actor.Actor;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The run finished with its suggestions (each pending), text recommendations and the insights it
 * recorded. Revision 2 added {@code insightIds} (revision 1 runs recorded no insights: empty);
 * {@code insightCount} is their number.
 */
@Revision("2")
public record OptimizationCompleted(
        UUID jobId,
        List<Suggestion> suggestions,
        List<String> recommendations,
        int insightCount,
        List<UUID> insightIds,
        Actor actor)
        implements OptimizationEvent {
    public OptimizationCompleted {
        suggestions = List.copyOf(suggestions);
        recommendations = recommendations == null ? List.of() : List.copyOf(recommendations);
        insightIds = insightIds == null ? List.of() : List.copyOf(insightIds);
    }
}

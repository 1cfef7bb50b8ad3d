package io.aether.domain.optimization;

import io.aether.domain.actor.Actor;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The run finished with its suggestions (each pending) and text recommendations. */
@Revision("1")
public record OptimizationCompleted(
        UUID jobId, List<Suggestion> suggestions, List<String> recommendations, int insightCount, Actor actor)
        implements OptimizationEvent {
    public OptimizationCompleted {
        suggestions = List.copyOf(suggestions);
        recommendations = recommendations == null ? List.of() : List.copyOf(recommendations);
    }
}

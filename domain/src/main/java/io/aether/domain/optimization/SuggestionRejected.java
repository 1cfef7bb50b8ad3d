package io.aether.domain.optimization;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A person rejected the suggestion. */
@Revision("1")
public record SuggestionRejected(UUID jobId, UUID suggestionId, String reason, Actor actor)
        implements OptimizationEvent {}

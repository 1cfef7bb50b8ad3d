package io.aether.domain.optimization;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A person accepted the suggestion; {@code proposalId} is the automation proposal made from it. */
@Revision("1")
public record SuggestionAccepted(UUID jobId, UUID suggestionId, UUID proposalId, String comment, Actor actor)
        implements OptimizationEvent {}

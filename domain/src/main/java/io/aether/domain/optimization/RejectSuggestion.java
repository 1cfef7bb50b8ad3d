package io.aether.domain.optimization;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reject a pending suggestion of the job. */
public record RejectSuggestion(@TargetAggregateIdentifier UUID jobId, UUID suggestionId, String reason, Actor actor) {}

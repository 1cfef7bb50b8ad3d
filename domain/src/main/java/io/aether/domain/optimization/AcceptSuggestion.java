package io.aether.domain.optimization;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Accept a pending suggestion of the job, naming the proposal made from it. */
public record AcceptSuggestion(
        @TargetAggregateIdentifier UUID jobId, UUID suggestionId, UUID proposalId, String comment, Actor actor) {}

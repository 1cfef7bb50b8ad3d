package io.aether.domain.insight;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Mark an insight acted upon; {@code proposalId} names the proposal created from it, if any. */
public record ActOnInsight(
        @TargetAggregateIdentifier UUID insightId, Actor actor, String label, String actionTaken, UUID proposalId)
        implements InsightCommand {}

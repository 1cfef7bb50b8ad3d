package io.aether.domain.insight;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delete an insight (an event; its history stays). */
public record DeleteInsight(@TargetAggregateIdentifier UUID insightId, Actor actor) implements InsightCommand {}

package io.aether.domain.insight;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Mark an insight reviewed. */
public record ReviewInsight(@TargetAggregateIdentifier UUID insightId, Actor actor, String label, String comment)
        implements InsightCommand {}

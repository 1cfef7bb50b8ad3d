package io.aether.domain.insight;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a new insight under a fresh id. */
public record CreateInsight(@TargetAggregateIdentifier UUID insightId, InsightContent content, Actor actor)
        implements InsightCommand {}

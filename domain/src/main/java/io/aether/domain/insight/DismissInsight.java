package io.aether.domain.insight;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Dismiss an insight. */
public record DismissInsight(@TargetAggregateIdentifier UUID insightId, Actor actor, String reason)
        implements InsightCommand {}

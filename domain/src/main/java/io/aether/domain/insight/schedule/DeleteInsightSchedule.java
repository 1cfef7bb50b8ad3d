package io.aether.domain.insight.schedule;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delete a schedule. */
public record DeleteInsightSchedule(
        @TargetAggregateIdentifier UUID scheduleId, Actor actor) {}

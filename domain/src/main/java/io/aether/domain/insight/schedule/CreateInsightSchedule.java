package io.aether.domain.insight.schedule;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create a schedule under a fresh id. */
public record CreateInsightSchedule(
        @TargetAggregateIdentifier UUID scheduleId, ScheduleSettings settings, Actor actor) {}

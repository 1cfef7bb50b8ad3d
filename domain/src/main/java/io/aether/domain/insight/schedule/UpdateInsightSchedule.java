package io.aether.domain.insight.schedule;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change some of a schedule's settings; the aggregate records the whole result. */
public record UpdateInsightSchedule(
        @TargetAggregateIdentifier UUID scheduleId, ScheduleChanges changes, Actor actor) {}

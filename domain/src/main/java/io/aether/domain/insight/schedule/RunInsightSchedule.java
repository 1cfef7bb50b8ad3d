package io.aether.domain.insight.schedule;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record a run of the schedule as analysis job {@code jobId}. The handler answers the settings to
 * run with, or null when a cron run of a schedule that is disabled (meanwhile) records nothing.
 */
public record RunInsightSchedule(
        @TargetAggregateIdentifier UUID scheduleId, UUID jobId, RunTrigger trigger, Actor actor) {}

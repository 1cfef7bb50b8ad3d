package io.aether.domain.insight.schedule.query;

import io.aether.domain.insight.schedule.ScheduleTrigger;

/** A page of schedules, oldest first; {@code triggerType} null for all. */
public record ListInsightSchedules(ScheduleTrigger triggerType, boolean enabledOnly, int limit, int offset) {}

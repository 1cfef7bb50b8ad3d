package io.aether.domain.insight.schedule.query;

import java.util.UUID;

/** One schedule (an {@link InsightScheduleView}), or null when there is none or it was deleted. */
public record FindInsightSchedule(UUID id) {}

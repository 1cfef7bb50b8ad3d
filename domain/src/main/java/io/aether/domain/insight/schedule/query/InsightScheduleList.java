package io.aether.domain.insight.schedule.query;

import java.util.List;

/** A page of schedules and how many match in all. */
public record InsightScheduleList(List<InsightScheduleView> items, long total) {}

package io.aether.domain.insight.schedule.query;

import io.aether.domain.insight.schedule.ScheduleSettings;
import java.time.Instant;
import java.util.UUID;

/**
 * A schedule as the list shows it: its settings and its runs. {@code lastResult} is
 * {@code success} or {@code failed} once the last run's job has its outcome, null before.
 */
public record InsightScheduleView(
        UUID id,
        ScheduleSettings settings,
        Instant lastRunAt,
        UUID lastJobId,
        String lastResult,
        String lastError,
        Integer lastInsightCount,
        int runCount,
        Instant createdAt,
        Instant updatedAt) {}

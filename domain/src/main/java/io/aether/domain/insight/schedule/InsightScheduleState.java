package io.aether.domain.insight.schedule;

import java.time.Instant;
import java.util.UUID;

/** A schedule as its events leave it; {@code version} is the number of events applied. */
public record InsightScheduleState(
        UUID scheduleId,
        ScheduleSettings settings,
        boolean deleted,
        int runCount,
        UUID lastJobId,
        Instant lastRunAt,
        Instant createdAt,
        Instant updatedAt,
        int version) {

    /** The one fold of schedule events; {@code state} is null before the first, other events change nothing. */
    public static InsightScheduleState apply(InsightScheduleState state, Object event, Instant at) {
        if (event instanceof InsightScheduleCreated e) {
            return new InsightScheduleState(e.scheduleId(), e.settings(), false, 0, null, null, at, at, 1);
        }
        if (state == null || !(event instanceof InsightScheduleEvent)) {
            return state;
        }
        int v = state.version() + 1;
        if (event instanceof InsightScheduleUpdated e) {
            return new InsightScheduleState(
                    state.scheduleId(),
                    e.settings(),
                    false,
                    state.runCount(),
                    state.lastJobId(),
                    state.lastRunAt(),
                    state.createdAt(),
                    at,
                    v);
        }
        if (event instanceof InsightScheduleDeleted) {
            return new InsightScheduleState(
                    state.scheduleId(),
                    state.settings(),
                    true,
                    state.runCount(),
                    state.lastJobId(),
                    state.lastRunAt(),
                    state.createdAt(),
                    at,
                    v);
        }
        if (event instanceof InsightScheduleRunStarted e) {
            return new InsightScheduleState(
                    state.scheduleId(),
                    state.settings(),
                    state.deleted(),
                    state.runCount() + 1,
                    e.jobId(),
                    at,
                    state.createdAt(),
                    state.updatedAt(),
                    v);
        }
        return state;
    }
}

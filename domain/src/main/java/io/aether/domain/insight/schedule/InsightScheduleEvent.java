package io.aether.domain.insight.schedule;

import io.aether.domain.actor.Actor;
import java.util.UUID;

/** Every event of the InsightSchedule aggregate names its schedule and who caused it. */
public interface InsightScheduleEvent {
    UUID scheduleId();

    Actor actor();
}

package io.aether.domain.insight.schedule;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The schedule was created; {@code settings} is its whole content afterwards. */
@Revision("1")
public record InsightScheduleCreated(UUID scheduleId, ScheduleSettings settings, Actor actor)
        implements InsightScheduleEvent {}

package io.aether.domain.insight.schedule;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The schedule was deleted: gone from the list and never run again; its history stays. */
@Revision("1")
public record InsightScheduleDeleted(UUID scheduleId, Actor actor) implements InsightScheduleEvent {}

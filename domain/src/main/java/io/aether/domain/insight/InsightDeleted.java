package io.aether.domain.insight;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The insight was deleted: gone from the lists, its history kept. */
@Revision("1")
public record InsightDeleted(UUID insightId, Actor actor) implements InsightEvent {}

package io.aether.domain.insight;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** An insight was recorded (by an analysis, an agent or a person). */
@Revision("1")
public record InsightCreated(UUID insightId, InsightContent content, Actor actor) implements InsightEvent {}

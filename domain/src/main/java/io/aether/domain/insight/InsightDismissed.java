package io.aether.domain.insight;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The insight was dismissed, with the reason given, if any. */
@Revision("1")
public record InsightDismissed(UUID insightId, Actor actor, String reason) implements InsightEvent {}

package io.aether.domain.insight;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A person reviewed the insight; {@code label} is the {@code reviewed_by} they gave (display only). */
@Revision("1")
public record InsightReviewed(UUID insightId, Actor actor, String label, String comment) implements InsightEvent {}

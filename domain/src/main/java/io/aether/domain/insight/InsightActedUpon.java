package io.aether.domain.insight;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * Someone acted on the insight; {@code label} is the {@code actioned_by} they gave (display only),
 * {@code proposalId} the proposal created from it ({@code create_automation}), or null.
 */
@Revision("1")
public record InsightActedUpon(UUID insightId, Actor actor, String label, String actionTaken, UUID proposalId)
        implements InsightEvent {}

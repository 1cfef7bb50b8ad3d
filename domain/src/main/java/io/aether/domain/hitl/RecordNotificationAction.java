package io.aether.domain.hitl;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a notification action received through the webhook, with what it did. */
public record RecordNotificationAction(
        @TargetAggregateIdentifier UUID id,
        NotificationDecision decision,
        NotificationKind kind,
        String targetId,
        ActionOutcome outcome,
        String detail,
        Actor actor) {}

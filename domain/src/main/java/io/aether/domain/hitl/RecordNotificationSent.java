package io.aether.domain.hitl;

import io.aether.domain.actor.Actor;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that a notification was sent (after HA accepted the notify call). */
public record RecordNotificationSent(
        @TargetAggregateIdentifier UUID id,
        NotificationKind kind,
        String targetId,
        String notifyService,
        String title,
        String message,
        List<String> actions,
        Actor actor) {}

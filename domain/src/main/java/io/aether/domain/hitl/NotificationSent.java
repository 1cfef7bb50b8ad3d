package io.aether.domain.hitl;

import io.aether.domain.actor.Actor;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A notification was pushed through a Home Assistant notify service.
 *
 * @param id            the notification's id (for proposals and insights derived from the target, so it is sent once)
 * @param targetId      the proposal or insight it asks about (for a test approval: the made-up proposal id), null for a plain test
 * @param notifyService the HA service called, e.g. {@code notify.mobile_app_phone}
 * @param actions       the action ids of its buttons ({@code APPROVE_<id>}, ...), empty for none
 */
@Revision("1")
public record NotificationSent(
        UUID id,
        NotificationKind kind,
        String targetId,
        String notifyService,
        String title,
        String message,
        List<String> actions,
        Actor actor)
        implements HitlEvent {
    public NotificationSent {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}

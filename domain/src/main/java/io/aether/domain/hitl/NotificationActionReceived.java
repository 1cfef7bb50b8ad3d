package io.aether.domain.hitl;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A button of an actionable notification came back through the Home Assistant webhook
 * ({@code mobile_app_notification_action}). Recorded only for a known target.
 *
 * @param id       the action's own id
 * @param kind     what the target is: {@code proposal}, {@code insight} or {@code test_approval}
 * @param targetId the proposal or insight id from the action id
 * @param detail   what happened, in words (the refusal's reason when refused)
 */
@Revision("1")
public record NotificationActionReceived(
        UUID id,
        NotificationDecision decision,
        NotificationKind kind,
        String targetId,
        ActionOutcome outcome,
        String detail,
        Actor actor)
        implements HitlEvent {}

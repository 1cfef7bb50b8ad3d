package io.aether.domain.hitl.query;

import io.aether.domain.hitl.ActionOutcome;
import io.aether.domain.hitl.NotificationDecision;
import io.aether.domain.hitl.NotificationKind;
import java.time.Instant;
import java.util.UUID;

/** One received notification action, as the HITL endpoints show it. */
public record NotificationActionView(
        UUID id,
        NotificationDecision decision,
        NotificationKind kind,
        String targetId,
        ActionOutcome outcome,
        String detail,
        String actor,
        Instant receivedAt) {}

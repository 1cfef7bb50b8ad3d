package io.aether.domain.hitl.query;

import io.aether.domain.hitl.NotificationKind;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One sent notification. */
public record NotificationSentView(
        UUID id,
        NotificationKind kind,
        String targetId,
        String notifyService,
        String title,
        List<String> actions,
        Instant sentAt) {
    public NotificationSentView {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}

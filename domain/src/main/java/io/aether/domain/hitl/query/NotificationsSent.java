package io.aether.domain.hitl.query;

import java.util.List;

/** Sent notifications, newest first. */
public record NotificationsSent(List<NotificationSentView> items) {
    public NotificationsSent {
        items = List.copyOf(items);
    }
}

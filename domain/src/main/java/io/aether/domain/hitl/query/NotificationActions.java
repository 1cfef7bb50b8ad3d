package io.aether.domain.hitl.query;

import java.util.List;

/** Received notification actions, newest first. */
public record NotificationActions(List<NotificationActionView> items) {
    public NotificationActions {
        items = List.copyOf(items);
    }
}

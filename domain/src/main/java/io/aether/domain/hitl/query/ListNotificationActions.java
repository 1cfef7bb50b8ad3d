package io.aether.domain.hitl.query;

/** The newest received actions, all targets ({@code targetId} null) or one target's; at most {@code limit}. */
public record ListNotificationActions(String targetId, int limit) {}

package io.aether.domain.hitl.query;

/** The newest sent notifications about one target (proposal, insight or test-approval id); at most {@code limit}. */
public record ListNotificationsSent(String targetId, int limit) {}

package io.aether.domain.feedback.query;

import java.time.Instant;
import java.util.UUID;

/** One live grade; {@code createdAt} is when it was last given. */
public record FlowGradeView(
        UUID id,
        String conversationId,
        String spanId,
        int grade,
        String comment,
        String agentRole,
        String traceId,
        Instant createdAt) {}

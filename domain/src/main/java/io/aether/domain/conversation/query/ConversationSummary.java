package io.aether.domain.conversation.query;

import java.time.Instant;
import java.util.UUID;

/** A conversation as lists show it. */
public record ConversationSummary(
        UUID id,
        String title,
        String agentId,
        String userId,
        String source,
        String status,
        int messageCount,
        Instant createdAt,
        Instant updatedAt) {}

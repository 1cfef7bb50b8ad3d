package io.aether.domain.conversation.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One message of a conversation; an assistant message carries its turn's tool calls. */
public record ConversationMessage(
        UUID id,
        UUID conversationId,
        String role,
        String content,
        String traceId,
        String agent,
        List<Map<String, Object>> toolCalls,
        Long tokensUsed,
        Long latencyMs,
        Instant createdAt) {}

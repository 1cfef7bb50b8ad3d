package io.aether.domain.llm.query;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The model calls of one conversation (none for a conversation without calls or that does not
 * exist). {@code costUsd} null when calls were made and none had a known price.
 */
public record ConversationUsage(
        UUID conversationId,
        long calls,
        long inputTokens,
        long outputTokens,
        BigDecimal costUsd,
        List<AgentUsage> byAgent) {

    public long totalTokens() {
        return inputTokens + outputTokens;
    }

    /** One agent role's calls to one model; {@code agentRole} null when the call named none. */
    public record AgentUsage(
            String agentRole, String model, long calls, long tokens, BigDecimal costUsd, Double avgLatencyMs) {}
}

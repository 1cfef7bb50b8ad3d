package io.aether.domain.conversation.query;

import java.util.UUID;

/** One turn: its conversation, the agent that answered and how it ended (open, completed, failed, cancelled). */
public record TurnView(String traceId, UUID conversationId, String agent, String status) {}

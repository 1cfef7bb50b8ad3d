package io.aether.domain.conversation;

import io.aether.domain.actor.Actor;
import io.aether.domain.llm.LlmCallRecorded;
import java.util.List;
import java.util.UUID;

/**
 * Closes an open turn with everything that happened in it, recorded in order: the routing, each
 * tool call, each model call, each proposal created, then the outcome. Refused when the turn is
 * not open (unknown trace, or already closed) or the conversation is deleted.
 */
public record RecordTurn(
        UUID conversationId,
        String traceId,
        Routing routing,
        List<ToolCall> toolCalls,
        List<LlmCallRecorded> modelCalls,
        List<UUID> proposalIds,
        Outcome outcome,
        Actor actor)
        implements ConversationCommand {

    public RecordTurn {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        modelCalls = modelCalls == null ? List.of() : List.copyOf(modelCalls);
        proposalIds = proposalIds == null ? List.of() : List.copyOf(proposalIds);
    }

    /** Where the turn went; see {@link ConversationAgentRouted}. */
    public record Routing(String requested, String agent, String reason, boolean fallback) {}

    /** One tool call; see {@link ConversationToolCalled}. */
    public record ToolCall(String toolName, String arguments, int resultSize, long durationMs, String error) {}

    /** How the turn ended. */
    public sealed interface Outcome {}

    /** Answered with this text. */
    public record Completed(UUID messageId, String content, long inputTokens, long outputTokens, long latencyMs)
            implements Outcome {}

    /** No answer (provider error, timeout, iteration cap). */
    public record Failed(String reason) implements Outcome {}

    /** The client went away. */
    public record Cancelled() implements Outcome {}
}

package io.aether.agents.chat;

import io.aether.domain.conversation.RecordTurn;
import io.aether.domain.llm.LlmCallRecorded;
import java.util.List;
import java.util.UUID;

/**
 * What a turn did, ready to record ({@link #record}): routing, tool calls, model calls, proposals
 * and the outcome; {@code failure} is the exception behind a failed outcome (null otherwise).
 */
public record TurnResult(
        RecordTurn.Routing routing,
        List<RecordTurn.ToolCall> toolCalls,
        List<LlmCallRecorded> modelCalls,
        List<UUID> proposalIds,
        RecordTurn.Outcome outcome,
        RuntimeException failure) {

    public TurnResult {
        toolCalls = List.copyOf(toolCalls);
        modelCalls = List.copyOf(modelCalls);
        proposalIds = List.copyOf(proposalIds);
    }

    public boolean completed() {
        return outcome instanceof RecordTurn.Completed;
    }

    /** The reply's text, or null when the turn did not complete. */
    public String text() {
        return outcome instanceof RecordTurn.Completed c ? c.content() : null;
    }

    public RecordTurn record(Turn turn) {
        return new RecordTurn(
                turn.conversationId(),
                turn.traceId(),
                routing,
                toolCalls,
                modelCalls,
                proposalIds,
                outcome,
                turn.actor());
    }
}

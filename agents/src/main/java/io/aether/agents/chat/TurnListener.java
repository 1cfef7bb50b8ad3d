package io.aether.agents.chat;

import io.aether.domain.conversation.RecordTurn;
import java.util.UUID;

/** What a turn reports while it runs (the streaming endpoint turns these into SSE events). */
public interface TurnListener {
    TurnListener NONE = new TurnListener() {};

    default void routed(RecordTurn.Routing routing) {}

    default void toolCalling(String agent, String toolName) {}

    default void toolCalled(String agent, RecordTurn.ToolCall call) {}

    default void proposalCreated(UUID proposalId, String text) {}

    /** True once the client has gone away: the turn stops before its next step and is recorded cancelled. */
    default boolean cancelled() {
        return false;
    }
}

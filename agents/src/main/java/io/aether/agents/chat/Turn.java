package io.aether.agents.chat;

import dev.langchain4j.data.message.ChatMessage;
import io.aether.domain.actor.Actor;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One turn to run: the conversation so far (ending with the person's message), the agent asked for,
 * and the limits from the settings.
 *
 * @param requestedAgent {@code auto}, an agent name, or anything else (falls back to the architect)
 * @param toolTimeout how long one tool call may take ({@code chat.tool_timeout_seconds})
 * @param maxToolIterations model calls that may ask for tools in one turn ({@code chat.max_tool_iterations})
 */
public record Turn(
        UUID conversationId,
        String traceId,
        String requestedAgent,
        List<ChatMessage> messages,
        Duration toolTimeout,
        int maxToolIterations,
        Actor actor) {

    public Turn {
        Objects.requireNonNull(traceId, "traceId");
        messages = List.copyOf(messages);
        if (maxToolIterations < 1) {
            throw new IllegalArgumentException("maxToolIterations must be at least 1");
        }
    }
}

package io.aether.domain.conversation;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The model called a tool during a turn.
 *
 * @param arguments the JSON arguments as the model sent them
 * @param resultSize characters of the result handed back to the model
 * @param error null when the tool answered, otherwise why not (timeout, refused, unknown tool)
 */
@Revision("1")
public record ConversationToolCalled(
        UUID conversationId,
        String traceId,
        String agent,
        String toolName,
        String arguments,
        int resultSize,
        long durationMs,
        String error,
        Actor actor)
        implements ConversationEvent {}

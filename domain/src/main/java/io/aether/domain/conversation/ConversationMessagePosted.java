package io.aether.domain.conversation;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A person's message opened a turn. The text lives here (and in the read model), never in logs.
 *
 * @param traceId the turn's id, the chat answer's {@code trace_id}
 */
@Revision("1")
public record ConversationMessagePosted(
        UUID conversationId, UUID messageId, String traceId, String content, Actor actor)
        implements ConversationEvent {}

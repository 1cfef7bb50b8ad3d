package io.aether.domain.conversation;

import io.aether.domain.actor.Actor;
import java.util.UUID;

/**
 * A person's message opens a turn; the first message starts the conversation (with {@code title},
 * {@code agent} and {@code source}, which later messages ignore). Refused on a deleted conversation.
 */
public record PostMessage(
        UUID conversationId,
        UUID messageId,
        String traceId,
        String content,
        String title,
        String agent,
        String source,
        Actor actor)
        implements ConversationCommand {}

package io.aether.domain.conversation;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The agent answered the turn; the reply's text lives here, never in logs. */
@Revision("1")
public record ConversationReplyCompleted(
        UUID conversationId,
        UUID messageId,
        String traceId,
        String agent,
        String content,
        long inputTokens,
        long outputTokens,
        long latencyMs,
        Actor actor)
        implements ConversationEvent {}

package io.aether.domain.conversation;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The turn got no answer: the model failed or timed out ({@code reason} is short and holds no message text). */
@Revision("1")
public record ConversationReplyFailed(UUID conversationId, String traceId, String agent, String reason, Actor actor)
        implements ConversationEvent {}

package io.aether.domain.conversation;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The client went away before the turn's answer was complete. */
@Revision("1")
public record ConversationReplyCancelled(UUID conversationId, String traceId, String agent, Actor actor)
        implements ConversationEvent {}

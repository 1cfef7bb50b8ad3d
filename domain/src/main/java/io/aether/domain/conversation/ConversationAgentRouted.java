package io.aether.domain.conversation;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The turn went to an agent.
 *
 * @param requested what the request asked for ({@code auto}, an agent name, or a model name)
 * @param agent the agent that answers
 * @param reason why (intent matched, named, fallback because unknown or disabled)
 * @param fallback true when the requested agent could not be used and the architect stood in
 */
@Revision("1")
public record ConversationAgentRouted(
        UUID conversationId,
        String traceId,
        String requested,
        String agent,
        String reason,
        boolean fallback,
        Actor actor)
        implements ConversationEvent {}

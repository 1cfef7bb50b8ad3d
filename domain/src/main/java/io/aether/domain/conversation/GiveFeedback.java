package io.aether.domain.conversation;

import io.aether.domain.actor.Actor;
import java.util.UUID;

/** A person's thumbs up or down on one turn ({@code POST /feedback}); refused on a deleted conversation. */
public record GiveFeedback(UUID conversationId, String traceId, String sentiment, Actor actor)
        implements ConversationCommand {}

package io.aether.domain.conversation;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A person judged a turn's answer: {@code sentiment} is {@code positive} or {@code negative}. */
@Revision("1")
public record ConversationFeedbackGiven(UUID conversationId, String traceId, String sentiment, Actor actor)
        implements ConversationEvent {}

package io.aether.domain.conversation;

import io.aether.domain.actor.Actor;
import java.util.UUID;

/**
 * An event of one conversation. The conversation's stream also holds
 * {@link io.aether.domain.llm.LlmCallRecorded}, one per model call of its turns.
 */
public interface ConversationEvent {
    UUID conversationId();

    Actor actor();
}

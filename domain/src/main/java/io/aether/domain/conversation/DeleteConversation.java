package io.aether.domain.conversation;

import io.aether.domain.actor.Actor;
import java.util.UUID;

/** Delete a conversation: an event, it leaves every list; deleting it again records nothing. */
public record DeleteConversation(UUID conversationId, Actor actor) implements ConversationCommand {}

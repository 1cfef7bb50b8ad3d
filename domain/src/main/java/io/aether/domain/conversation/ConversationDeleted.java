package io.aether.domain.conversation;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The conversation was deleted: gone from lists and reads; its events stay. */
@Revision("1")
public record ConversationDeleted(UUID conversationId, Actor actor) implements ConversationEvent {}

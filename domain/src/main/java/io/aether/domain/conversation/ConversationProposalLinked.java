package io.aether.domain.conversation;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A turn's {@code seek_approval} created this proposal (in {@code proposed}, waiting for a person). */
@Revision("1")
public record ConversationProposalLinked(UUID conversationId, String traceId, UUID proposalId, Actor actor)
        implements ConversationEvent {}

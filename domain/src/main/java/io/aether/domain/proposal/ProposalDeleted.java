package io.aether.domain.proposal;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The proposal was deleted; its history stays in the event store. */
@Revision("2")
public record ProposalDeleted(UUID proposalId, Actor actor, String reason) implements ProposalEvent {}

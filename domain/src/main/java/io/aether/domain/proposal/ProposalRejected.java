package io.aether.domain.proposal;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A person rejected the proposal. */
@Revision("2")
public record ProposalRejected(UUID proposalId, Actor actor, String label, String reason) implements ProposalEvent {}

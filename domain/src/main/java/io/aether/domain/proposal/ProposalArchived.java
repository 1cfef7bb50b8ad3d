package io.aether.domain.proposal;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The proposal was archived (terminal). */
@Revision("2")
public record ProposalArchived(UUID proposalId, Actor actor, String reason) implements ProposalEvent {}

package io.aether.domain.proposal;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A proposed proposal's content was replaced (PATCH /proposals/{id}/yaml); it is still proposed. */
@Revision("1")
public record ProposalRevised(UUID proposalId, ProposalContent content, Actor actor) implements ProposalEvent {}

package io.aether.domain.proposal;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The disabled automation was enabled again (turned on in Home Assistant). */
@Revision("2")
public record ProposalEnabled(UUID proposalId, Actor actor, String reason) implements ProposalEvent {}

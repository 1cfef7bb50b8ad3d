package io.aether.domain.proposal;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The deployed automation was disabled (turned off in Home Assistant). */
@Revision("2")
public record ProposalDisabled(UUID proposalId, Actor actor, String reason) implements ProposalEvent {}

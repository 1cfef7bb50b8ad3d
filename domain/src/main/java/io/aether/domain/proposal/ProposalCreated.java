package io.aether.domain.proposal;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A proposal was created and submitted for approval (status proposed). */
@Revision("2")
public record ProposalCreated(UUID proposalId, ProposalContent content, String haAutomationId, Actor actor)
        implements ProposalEvent {}

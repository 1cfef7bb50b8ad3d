package io.aether.domain.proposal;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Delete a proposal that has nothing live in Home Assistant. */
public record DeleteProposal(
        @TargetAggregateIdentifier UUID proposalId,
        Actor actor,
        String reason,
        @TargetAggregateVersion Long expectedVersion)
        implements ProposalCommand {

    /** A delete without a reason (DELETE has no body). */
    public DeleteProposal(UUID proposalId, Actor actor, Long expectedVersion) {
        this(proposalId, actor, null, expectedVersion);
    }
}

package io.aether.domain.proposal;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Reject a proposed or approved proposal. */
public record RejectProposal(
        @TargetAggregateIdentifier UUID proposalId,
        Actor actor,
        String label,
        String reason,
        @TargetAggregateVersion Long expectedVersion)
        implements ProposalCommand {}

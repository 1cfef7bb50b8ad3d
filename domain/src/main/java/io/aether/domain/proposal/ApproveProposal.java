package io.aether.domain.proposal;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Approve a proposed proposal. expectedVersion (Axon sequence number, nullable) enables optimistic concurrency. */
public record ApproveProposal(
        @TargetAggregateIdentifier UUID proposalId,
        Actor actor,
        String label,
        String comment,
        @TargetAggregateVersion Long expectedVersion)
        implements ProposalCommand {}

package io.aether.domain.proposal;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Archive a proposal (terminal). */
public record ArchiveProposal(
        @TargetAggregateIdentifier UUID proposalId,
        Actor actor,
        String reason,
        @TargetAggregateVersion Long expectedVersion)
        implements ProposalCommand {}

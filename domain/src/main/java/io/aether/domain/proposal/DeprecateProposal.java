package io.aether.domain.proposal;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Mark a deployed or disabled proposal deprecated. */
public record DeprecateProposal(
        @TargetAggregateIdentifier UUID proposalId,
        Actor actor,
        String reason,
        @TargetAggregateVersion Long expectedVersion)
        implements ProposalCommand {}

package io.aether.domain.proposal;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Replace a proposed proposal's content (its YAML edited before approval); the type stays. */
public record ReviseProposal(
        @TargetAggregateIdentifier UUID proposalId,
        ProposalContent content,
        Actor actor,
        @TargetAggregateVersion Long expectedVersion)
        implements ProposalCommand {}

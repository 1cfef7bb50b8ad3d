package io.aether.domain.proposal;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create a proposal and submit it for approval. */
public record CreateProposal(@TargetAggregateIdentifier UUID proposalId, ProposalContent content, Actor actor)
        implements ProposalCommand {}

package io.aether.domain.proposal;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create a proposal and submit it for approval. */
public record CreateProposal(@TargetAggregateIdentifier UUID proposalId, ProposalContent content, String actor) {
}

package io.aether.domain.proposal.query;

import io.aether.domain.proposal.ProposalStatus;

/** A page of proposals, newest first; status null means all (deleted proposals are never listed). */
public record FindProposals(ProposalStatus status, int limit, int offset) {
}

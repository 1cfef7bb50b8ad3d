package io.aether.domain.proposal.query;

import java.util.UUID;

/** Every event of one proposal, in order. */
public record GetProposalHistory(UUID proposalId) {}

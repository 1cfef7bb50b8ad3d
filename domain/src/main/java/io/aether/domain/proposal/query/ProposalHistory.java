package io.aether.domain.proposal.query;

import java.util.List;
import java.util.UUID;

/** A proposal's events in order. */
public record ProposalHistory(UUID proposalId, List<ProposalHistoryEntry> events) {}

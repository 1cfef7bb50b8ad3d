package io.aether.domain.proposal.query;

import io.aether.domain.proposal.ProposalView;
import java.util.List;

/** One page of proposals and the total count matching the filter. */
public record ProposalPage(List<ProposalView> items, long total) {}

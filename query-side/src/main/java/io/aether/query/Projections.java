package io.aether.query;

import io.aether.query.agent.AgentListProjection;
import io.aether.query.proposal.ProposalListProjection;
import java.util.List;

/** The processing groups that are read models: disposable, and rebuildable by replay at any time. */
public final class Projections {
    public static final List<String> NAMES =
            List.of(ProposalListProjection.PROCESSING_GROUP, AgentListProjection.PROCESSING_GROUP);

    private Projections() {}
}

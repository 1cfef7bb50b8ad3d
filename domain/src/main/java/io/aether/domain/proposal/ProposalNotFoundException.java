package io.aether.domain.proposal;

import java.util.UUID;

/** No proposal with this id exists (or it was deleted). */
public class ProposalNotFoundException extends RuntimeException {
    private final UUID proposalId;

    public ProposalNotFoundException(UUID proposalId) {
        super("Proposal not found: " + proposalId);
        this.proposalId = proposalId;
    }

    public UUID proposalId() {
        return proposalId;
    }
}

package io.aether.domain.proposal;

import io.aether.domain.ErrorKind;
import java.util.UUID;

/** No proposal with this id exists (or it was deleted). */
public class ProposalNotFoundException extends RuntimeException implements ErrorKind.Carrier {
    private final UUID proposalId;

    public ProposalNotFoundException(UUID proposalId) {
        super("Proposal not found: " + proposalId);
        this.proposalId = proposalId;
    }

    public UUID proposalId() {
        return proposalId;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.NOT_FOUND;
    }
}

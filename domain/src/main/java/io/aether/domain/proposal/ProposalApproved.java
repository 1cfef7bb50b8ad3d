package io.aether.domain.proposal;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A person approved the proposal. */
@Revision("1")
public record ProposalApproved(UUID proposalId, String actor, String comment) implements ProposalEvent {

    @Override
    public String reason() {
        return comment;
    }
}

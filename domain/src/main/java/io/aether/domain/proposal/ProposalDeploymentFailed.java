package io.aether.domain.proposal;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The deployment did not reach or was refused by Home Assistant; the proposal keeps its status. */
@Revision("1")
public record ProposalDeploymentFailed(UUID proposalId, UUID deploymentId, String error, String actor) implements ProposalEvent {

    @Override
    public String reason() {
        return error;
    }
}

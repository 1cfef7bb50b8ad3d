package io.aether.domain.proposal;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The deployment did not reach or was refused by Home Assistant; the proposal keeps its status. */
@Revision("2")
public record ProposalDeploymentFailed(UUID proposalId, UUID deploymentId, String error, Actor actor)
        implements ProposalEvent {

    @Override
    public String reason() {
        return error;
    }
}

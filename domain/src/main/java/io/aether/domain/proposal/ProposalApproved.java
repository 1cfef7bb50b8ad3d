package io.aether.domain.proposal;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A person approved the proposal. */
@Revision("2")
public record ProposalApproved(UUID proposalId, Actor actor, String label, String comment) implements ProposalEvent {

    @Override
    public String reason() {
        return comment;
    }
}

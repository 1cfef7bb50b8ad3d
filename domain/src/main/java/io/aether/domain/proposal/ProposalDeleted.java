package io.aether.domain.proposal;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The proposal was deleted; its history stays in the event store. */
@Revision("1")
public record ProposalDeleted(UUID proposalId, String actor, String reason) implements ProposalEvent {
}

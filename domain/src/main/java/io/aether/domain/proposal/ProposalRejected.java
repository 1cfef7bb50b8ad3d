package io.aether.domain.proposal;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A person rejected the proposal. */
@Revision("1")
public record ProposalRejected(UUID proposalId, String actor, String reason) implements ProposalEvent {
}

package io.aether.domain.proposal;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The proposal was archived (terminal). */
@Revision("1")
public record ProposalArchived(UUID proposalId, String actor, String reason) implements ProposalEvent {
}

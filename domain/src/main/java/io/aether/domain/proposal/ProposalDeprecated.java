package io.aether.domain.proposal;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The proposal was marked deprecated. */
@Revision("1")
public record ProposalDeprecated(UUID proposalId, String actor, String reason) implements ProposalEvent {
}

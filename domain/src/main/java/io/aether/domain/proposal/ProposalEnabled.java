package io.aether.domain.proposal;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The disabled automation was enabled again (turned on in Home Assistant). */
@Revision("1")
public record ProposalEnabled(UUID proposalId, String actor, String reason) implements ProposalEvent {
}

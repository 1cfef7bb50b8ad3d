package io.aether.domain.proposal;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The deployed automation was disabled (turned off in Home Assistant). */
@Revision("1")
public record ProposalDisabled(UUID proposalId, String actor, String reason) implements ProposalEvent {
}

package io.aether.domain.proposal;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A proposal was created and submitted for approval (status proposed). */
@Revision("1")
public record ProposalCreated(UUID proposalId, ProposalContent content, String haAutomationId, String actor) implements ProposalEvent {
}

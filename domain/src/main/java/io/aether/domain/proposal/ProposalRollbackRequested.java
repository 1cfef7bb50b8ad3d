package io.aether.domain.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** Intent to roll back to targetVersion: configToRestore is what was live then (null when nothing was, or for a disable). */
@Revision("1")
public record ProposalRollbackRequested(UUID proposalId, UUID rollbackId, int targetVersion, RollbackAction action, JsonNode configToRestore, String haAutomationId, String actor, String reason) implements ProposalEvent {
}

package io.aether.domain.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** Home Assistant now holds what was live at targetVersion (or the automation is off, for a disable). */
@Revision("1")
public record ProposalRolledBack(UUID proposalId, UUID rollbackId, int targetVersion, RollbackAction action, JsonNode restoredConfig, String haAutomationId, String actor, String reason) implements ProposalEvent {
}

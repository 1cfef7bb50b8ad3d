package io.aether.domain.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** Home Assistant now holds what was live at targetVersion (or the automation is off, for a disable). */
@Revision("2")
public record ProposalRolledBack(
        UUID proposalId,
        UUID rollbackId,
        int targetVersion,
        RollbackAction action,
        JsonNode restoredConfig,
        String haAutomationId,
        Actor actor,
        String reason)
        implements ProposalEvent {}

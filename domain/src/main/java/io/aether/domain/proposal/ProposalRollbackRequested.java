package io.aether.domain.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** Intent to roll back to targetVersion: configToRestore is what was live then (null when nothing was, or for a disable). */
@Revision("2")
public record ProposalRollbackRequested(
        UUID proposalId,
        UUID rollbackId,
        int targetVersion,
        RollbackAction action,
        JsonNode configToRestore,
        String haAutomationId,
        Actor actor,
        String reason)
        implements ProposalEvent {}

package io.aether.domain.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** Home Assistant accepted the config. previousHaConfig is what HA held under the same id just before (null when nothing). */
@Revision("2")
public record ProposalDeployed(
        UUID proposalId,
        UUID deploymentId,
        String haAutomationId,
        JsonNode deployedConfig,
        JsonNode previousHaConfig,
        String method,
        Actor actor)
        implements ProposalEvent {}

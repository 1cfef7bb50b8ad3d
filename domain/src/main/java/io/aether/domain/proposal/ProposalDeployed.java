package io.aether.domain.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** Home Assistant accepted the config. previousHaConfig is what HA held under the same id just before (null when nothing). */
@Revision("1")
public record ProposalDeployed(UUID proposalId, UUID deploymentId, String haAutomationId, JsonNode deployedConfig, JsonNode previousHaConfig, String method, String actor) implements ProposalEvent {
}

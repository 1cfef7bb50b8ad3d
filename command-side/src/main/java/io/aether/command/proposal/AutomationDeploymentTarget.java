package io.aether.command.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.domain.proposal.ProposalType;
import java.util.Optional;

/** Automations, through {@link AutomationGateway} (HA's automation config editor API). */
final class AutomationDeploymentTarget implements DeploymentTarget {
    private final AutomationGateway automations;

    AutomationDeploymentTarget(AutomationGateway automations) {
        this.automations = automations;
    }

    @Override
    public ProposalType type() {
        return ProposalType.AUTOMATION;
    }

    @Override
    public String method() {
        return ProposalDeploymentProcess.METHOD_REST_API;
    }

    @Override
    public Optional<JsonNode> current(String haId, JsonNode config) {
        return automations.currentConfig(haId);
    }

    @Override
    public void save(String haId, JsonNode config) {
        automations.save(haId, config);
    }

    @Override
    public void remove(String haId, JsonNode deployed) {
        automations.delete(haId);
    }
}

package io.aether.command.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Port to Home Assistant's automation config, used by {@link ProposalDeploymentProcess}. The api
 * module implements it with the HA client. Every call is idempotent: the automation id is
 * deterministic per proposal, so a call repeated after a crash has the same effect as once.
 * Implementations throw {@link AutomationGatewayException} (with HA's message) on any HA failure.
 */
public interface AutomationGateway {

    /** What HA holds now under this automation id; empty when there is no such automation. */
    Optional<JsonNode> currentConfig(String haAutomationId);

    /** Creates or replaces the automation config (HA reloads it itself). */
    void save(String haAutomationId, JsonNode config);

    /** Removes the automation; an absent automation is not an error. */
    void delete(String haAutomationId);

    /** Turns the automation off. */
    void turnOff(String haAutomationId);

    /** Turns the automation on. */
    void turnOn(String haAutomationId);

    /** Whether the automation is on; empty when HA has no automation entity for this id. */
    Optional<Boolean> isOn(String haAutomationId);
}

package io.aether.api.homeassistant;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.command.proposal.AutomationGateway;
import io.aether.command.proposal.AutomationGatewayException;
import io.aether.homeassistant.HomeAssistantException;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** The deployment process manager's view of Home Assistant, over its REST config editor API. */
@Component
public class HomeAssistantAutomationGateway implements AutomationGateway {
    private final HomeAssistantConnection connection;

    public HomeAssistantAutomationGateway(HomeAssistantConnection connection) {
        this.connection = connection;
    }

    @Override
    public Optional<JsonNode> currentConfig(String haAutomationId) {
        return call(
                () -> connection.client().getAutomationConfig(haAutomationId).map(JsonNode.class::cast));
    }

    @Override
    public void save(String haAutomationId, JsonNode config) {
        call(() -> {
            connection.client().saveAutomationConfig(haAutomationId, config);
            return null;
        });
    }

    @Override
    public void delete(String haAutomationId) {
        call(() -> connection.client().deleteAutomationConfig(haAutomationId));
    }

    @Override
    public void turnOff(String haAutomationId) {
        call(() -> {
            connection.client().turnOffAutomation(entityId(haAutomationId));
            return null;
        });
    }

    @Override
    public void turnOn(String haAutomationId) {
        call(() -> {
            connection.client().turnOnAutomation(entityId(haAutomationId));
            return null;
        });
    }

    @Override
    public Optional<Boolean> isOn(String haAutomationId) {
        return call(() -> connection
                .client()
                .findAutomationEntityId(haAutomationId)
                .flatMap(entityId -> connection.client().getState(entityId))
                .map(state -> "on".equals(state.path("state").asText())));
    }

    /** HA names automation entities after their alias, so the entity is found through its config id. */
    private String entityId(String haAutomationId) {
        return connection
                .client()
                .findAutomationEntityId(haAutomationId)
                .orElseThrow(() -> new AutomationGatewayException(
                        "Home Assistant has no automation entity for id " + haAutomationId));
    }

    private static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (HomeAssistantException e) {
            throw new AutomationGatewayException(e.getMessage());
        }
    }
}

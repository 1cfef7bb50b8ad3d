package io.aether.api.homeassistant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aether.command.proposal.AutomationGatewayException;
import io.aether.command.proposal.DeploymentTarget;
import io.aether.domain.proposal.ProposalType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Entity commands: one service call ({@code POST /api/services/<domain>/<service>}). Its snapshot is
 * the target entities' states just before ({@code {"entity_states": {entity_id: {state, brightness?}}}}).
 * A rollback puts those states back where HA has a service for it (on/off of lights, switches,
 * fans, input_booleans, automations; a light's brightness too); for any other state it fails
 * before calling anything, saying it cannot.
 */
@Component
public class EntityCommandDeploymentTarget implements DeploymentTarget {
    static final String STATES = "entity_states";
    private static final Set<String> ON_OFF =
            Set.of("light", "switch", "fan", "input_boolean", "automation", "siren", "humidifier");

    private final HomeAssistantConnection connection;
    private final ObjectMapper mapper;

    public EntityCommandDeploymentTarget(HomeAssistantConnection connection, ObjectMapper mapper) {
        this.connection = connection;
        this.mapper = mapper;
    }

    @Override
    public ProposalType type() {
        return ProposalType.ENTITY_COMMAND;
    }

    @Override
    public String method() {
        return "rest_api";
    }

    @Override
    public Optional<JsonNode> current(String haId, JsonNode config) {
        ObjectNode snapshot = mapper.createObjectNode();
        ObjectNode states = snapshot.putObject(STATES);
        HomeAssistantCalls.run(() -> {
            for (JsonNode entity : config.path("target").path("entity_id")) {
                String entityId = entity.asText();
                JsonNode state = connection
                        .client()
                        .getState(entityId)
                        .orElseThrow(() -> new AutomationGatewayException(
                                HomeAssistantCalls.REFUSED + ": Home Assistant has no entity " + entityId));
                ObjectNode saved = states.putObject(entityId);
                saved.put("state", state.path("state").asText());
                JsonNode brightness = state.path("attributes").path("brightness");
                if (brightness.isNumber()) {
                    saved.put("brightness", brightness.asInt());
                }
            }
        });
        return Optional.of(snapshot);
    }

    @Override
    public void save(String haId, JsonNode config) {
        if (config.has(STATES)) {
            restore(config.get(STATES));
            return;
        }
        ObjectNode data = config.path("data").isObject()
                ? ((ObjectNode) config.get("data")).deepCopy()
                : mapper.createObjectNode();
        data.set("entity_id", config.path("target").path("entity_id").deepCopy());
        String domain = config.path("domain").asText();
        String service = config.path("service").asText();
        HomeAssistantCalls.run(() -> connection.client().callService(domain, service, data));
    }

    @Override
    public void remove(String haId, JsonNode deployed) {
        throw new AutomationGatewayException(
                "Cannot roll back a service call without the entity states recorded before it");
    }

    /** Every entity checked first: nothing is called unless all of them can be put back. */
    private void restore(JsonNode states) {
        List<String> refused = new ArrayList<>();
        List<Runnable> calls = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String entityId = entry.getKey();
            String domain = entityId.substring(0, entityId.indexOf('.'));
            String state = entry.getValue().path("state").asText();
            if (!ON_OFF.contains(domain) || !(state.equals("on") || state.equals("off"))) {
                refused.add(entityId + " ('" + state + "')");
                continue;
            }
            ObjectNode data = mapper.createObjectNode().put("entity_id", entityId);
            JsonNode brightness = entry.getValue().get("brightness");
            if (state.equals("on") && domain.equals("light") && brightness != null && brightness.isNumber()) {
                data.put("brightness", brightness.asInt());
            }
            String service = state.equals("on") ? "turn_on" : "turn_off";
            calls.add(() -> connection.client().callService(domain, service, data));
        }
        if (!refused.isEmpty()) {
            throw new AutomationGatewayException("Cannot roll back this service call: Home Assistant has no service"
                    + " that puts back the earlier state of " + String.join(", ", refused));
        }
        HomeAssistantCalls.run(() -> calls.forEach(Runnable::run));
    }
}

package io.aether.api.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aether.api.homeassistant.HomeAssistantConnection;
import io.aether.api.mirror.HomeAssistantMirror;
import io.aether.homeassistant.HomeAssistantClient;
import io.aether.homeassistant.HomeAssistantException;
import io.aether.homeassistant.websocket.HomeAssistantWebSocketClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Fills the registry mirror from the default zone's Home Assistant: the automation, script and
 * scene entities and the services over the mirror's WebSocket connection ({@code get_states},
 * {@code get_services}), each automation's, script's and scene's stored config over REST (HA's
 * config editor API). One sync at a time; HA failing is a {@link HomeAssistantException}.
 * Between syncs the mirror's {@code state_changed} events keep automation and script states current
 * and remove what HA removed.
 */
@Component
public class RegistryMirror {
    private static final Logger log = LoggerFactory.getLogger(RegistryMirror.class);

    private final HomeAssistantMirror homeAssistant;
    private final HomeAssistantConnection connection;
    private final RegistryStore store;
    private final ObjectMapper mapper;

    RegistryMirror(
            HomeAssistantMirror homeAssistant,
            HomeAssistantConnection connection,
            RegistryStore store,
            ObjectMapper mapper) {
        this.homeAssistant = homeAssistant;
        this.connection = connection;
        this.store = store;
        this.mapper = mapper;
        homeAssistant.addStateListener(this::stateChanged);
    }

    /**
     * Keeps the mirror current between syncs: an automation's or script's state_changed updates
     * its state and last_triggered; one without a new state (removed in HA) deletes the row.
     */
    private void stateChanged(JsonNode event) {
        JsonNode data = event.path("data");
        String entityId = data.path("entity_id").asText("");
        boolean automationOrScript = entityId.startsWith("automation.") || entityId.startsWith("script.");
        if (!automationOrScript && !entityId.startsWith("scene.")) {
            return;
        }
        JsonNode newState = data.path("new_state");
        if (!newState.isObject()) {
            store.remove(entityId);
        } else if (automationOrScript) {
            store.applyState(
                    entityId,
                    newState.path("state").asText("unknown"),
                    text(newState.path("attributes").get("last_triggered")));
        }
    }

    record Result(int automations, int scripts, int scenes, int services, Instant startedAt, Instant finishedAt) {}

    synchronized Result sync() {
        Instant started = Instant.now();
        HomeAssistantWebSocketClient ws = homeAssistant.webSocket();
        JsonNode states = ws.getStates();
        JsonNode services = ws.getServices();
        HomeAssistantClient rest = connection.client();
        List<RegistryStore.Automation> automations = new ArrayList<>();
        List<RegistryStore.Script> scripts = new ArrayList<>();
        List<RegistryStore.Scene> scenes = new ArrayList<>();
        for (JsonNode state : states) {
            String entityId = state.path("entity_id").asText("");
            JsonNode attributes = state.path("attributes");
            if (entityId.startsWith("automation.")) {
                automations.add(automation(rest, entityId, state, attributes));
            } else if (entityId.startsWith("script.")) {
                scripts.add(script(rest, entityId, state, attributes));
            } else if (entityId.startsWith("scene.")) {
                scenes.add(scene(rest, entityId, attributes));
            }
        }
        List<RegistryStore.Service> discovered = services(services);
        Instant finished = Instant.now();
        store.replace(new RegistryStore.Snapshot(automations, scripts, scenes, discovered), started, finished);
        log.info(
                "Home Assistant registry synced: {} automations, {} scripts, {} scenes, {} services",
                automations.size(),
                scripts.size(),
                scenes.size(),
                discovered.size());
        return new Result(automations.size(), scripts.size(), scenes.size(), discovered.size(), started, finished);
    }

    private RegistryStore.Automation automation(
            HomeAssistantClient rest, String entityId, JsonNode state, JsonNode attributes) {
        String configId = text(attributes.get("id"));
        JsonNode config = configId == null
                ? null
                : rest.getAutomationConfig(configId).map(JsonNode.class::cast).orElse(null);
        List<JsonNode> triggers = items(config, "triggers", "trigger");
        Set<String> types = new LinkedHashSet<>();
        for (JsonNode trigger : triggers) {
            String type = text(trigger.has("trigger") ? trigger.get("trigger") : trigger.get("platform"));
            if (type != null) {
                types.add(type);
            }
        }
        String alias = config != null && text(config.get("alias")) != null
                ? text(config.get("alias"))
                : Optional.ofNullable(text(attributes.get("friendly_name"))).orElse(entityId);
        String mode = Optional.ofNullable(config == null ? null : text(config.get("mode")))
                .or(() -> Optional.ofNullable(text(attributes.get("mode"))))
                .orElse("single");
        return new RegistryStore.Automation(
                null,
                entityId,
                configId,
                alias,
                state.path("state").asText("unknown"),
                config == null ? null : text(config.get("description")),
                mode,
                config == null ? null : List.copyOf(types),
                triggers.size(),
                items(config, "actions", "action").size(),
                items(config, "conditions", "condition").size(),
                text(attributes.get("last_triggered")),
                null);
    }

    private RegistryStore.Script script(
            HomeAssistantClient rest, String entityId, JsonNode state, JsonNode attributes) {
        String key = entityId.substring("script.".length());
        Optional<ObjectNode> config = rest.getEditorConfig("script", key);
        JsonNode c = config.map(JsonNode.class::cast).orElse(mapper.createObjectNode());
        JsonNode sequence = c.get("sequence");
        if (sequence != null && sequence.isObject()) {
            sequence = mapper.createArrayNode().add(sequence);
        }
        return new RegistryStore.Script(
                null,
                entityId,
                Optional.ofNullable(text(c.get("alias")))
                        .or(() -> Optional.ofNullable(text(attributes.get("friendly_name"))))
                        .orElse(key),
                state.path("state").asText("off"),
                text(c.get("description")),
                Optional.ofNullable(text(c.get("mode")))
                        .or(() -> Optional.ofNullable(text(attributes.get("mode"))))
                        .orElse("single"),
                Optional.ofNullable(text(c.get("icon"))).orElse(text(attributes.get("icon"))),
                text(attributes.get("last_triggered")),
                sequence != null && sequence.isArray() ? sequence : null,
                c.get("fields") != null && c.get("fields").isObject() ? c.get("fields") : null,
                null);
    }

    private RegistryStore.Scene scene(HomeAssistantClient rest, String entityId, JsonNode attributes) {
        String configId = text(attributes.get("id"));
        JsonNode entities = configId == null
                ? null
                : rest.getEditorConfig("scene", configId)
                        .map(c -> c.get("entities"))
                        .filter(JsonNode::isObject)
                        .orElse(null);
        return new RegistryStore.Scene(
                null,
                entityId,
                Optional.ofNullable(text(attributes.get("friendly_name"))).orElse(entityId),
                text(attributes.get("icon")),
                entities,
                null);
    }

    /** WebSocket get_services: {domain: {service: {name, description, fields, target?}}}. */
    private List<RegistryStore.Service> services(JsonNode all) {
        List<RegistryStore.Service> services = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> domains = all.fields(); domains.hasNext(); ) {
            Map.Entry<String, JsonNode> domain = domains.next();
            for (Iterator<Map.Entry<String, JsonNode>> it = domain.getValue().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> service = it.next();
                JsonNode d = service.getValue();
                services.add(new RegistryStore.Service(
                        null,
                        domain.getKey(),
                        service.getKey(),
                        text(d.get("name")),
                        text(d.get("description")),
                        d.get("fields") != null && d.get("fields").isObject() ? d.get("fields") : null,
                        d.get("target") != null && d.get("target").isObject() ? d.get("target") : null,
                        false,
                        null));
            }
        }
        return services;
    }

    /** The common services agents use in proposals, as {@code POST /registry/services/seed} adds them. */
    List<RegistryStore.Service> commonServices() {
        List<RegistryStore.Service> seeds = new ArrayList<>();
        String[][] common = {
            {"light", "turn_on", "Turn on", "Turns on one or more lights, optionally with brightness or colour"},
            {"light", "turn_off", "Turn off", "Turns off one or more lights"},
            {"light", "toggle", "Toggle", "Toggles one or more lights"},
            {"switch", "turn_on", "Turn on", "Turns a switch on"},
            {"switch", "turn_off", "Turn off", "Turns a switch off"},
            {"switch", "toggle", "Toggle", "Toggles a switch"},
            {"climate", "set_temperature", "Set target temperature", "Sets the target temperature"},
            {"climate", "set_hvac_mode", "Set HVAC mode", "Sets the HVAC mode"},
            {"cover", "open_cover", "Open", "Opens a cover"},
            {"cover", "close_cover", "Close", "Closes a cover"},
            {"lock", "lock", "Lock", "Locks a lock"},
            {"lock", "unlock", "Unlock", "Unlocks a lock"},
            {"media_player", "media_play", "Play", "Starts playing"},
            {"media_player", "media_pause", "Pause", "Pauses"},
            {"media_player", "volume_set", "Set volume", "Sets the volume level"},
            {"fan", "turn_on", "Turn on", "Turns a fan on"},
            {"fan", "turn_off", "Turn off", "Turns a fan off"},
            {"scene", "turn_on", "Activate", "Activates a scene"},
            {"script", "turn_on", "Turn on", "Runs a script"},
            {"automation", "trigger", "Trigger", "Triggers the actions of an automation"},
            {"automation", "turn_on", "Turn on", "Enables an automation"},
            {"automation", "turn_off", "Turn off", "Disables an automation"},
            {"input_boolean", "turn_on", "Turn on", "Turns an input boolean on"},
            {"input_boolean", "turn_off", "Turn off", "Turns an input boolean off"},
            {"input_number", "set_value", "Set", "Sets the value of an input number"},
            {"input_select", "select_option", "Select", "Selects an option"},
            {"input_text", "set_value", "Set", "Sets the value of an input text"},
            {"notify", "notify", "Send a notification", "Sends a notification with the default notifier"},
            {"vacuum", "start", "Start", "Starts or resumes cleaning"},
            {"vacuum", "return_to_base", "Return to dock", "Sends the vacuum back to its dock"}
        };
        for (String[] s : common) {
            ObjectNode target = mapper.createObjectNode();
            target.putArray("entity").addObject().putArray("domain").add(s[0]);
            seeds.add(new RegistryStore.Service(
                    UUID.randomUUID(),
                    s[0],
                    s[1],
                    s[2],
                    s[3],
                    mapper.createObjectNode(),
                    s[0].equals("notify") ? null : target,
                    true,
                    null));
        }
        return seeds;
    }

    /** An automation's stored config from HA (by config id), or empty when HA has none. */
    Optional<ObjectNode> automationConfig(String configId) {
        return connection.client().getAutomationConfig(configId);
    }

    /** HA's current states (the mirror's WebSocket), for the live helper list. */
    JsonNode liveStates() {
        return homeAssistant.webSocket().getStates();
    }

    /** Items of a config key that may be a list, a single object, or (older HA) under a second name. */
    private static List<JsonNode> items(JsonNode config, String name, String legacy) {
        List<JsonNode> items = new ArrayList<>();
        if (config == null) {
            return items;
        }
        JsonNode node = config.has(name) ? config.get(name) : config.get(legacy);
        if (node == null || node.isNull()) {
            return items;
        }
        if (node.isArray()) {
            node.forEach(items::add);
        } else {
            items.add(node);
        }
        return items;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }
}

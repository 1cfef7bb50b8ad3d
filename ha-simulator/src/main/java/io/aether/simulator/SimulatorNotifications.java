package io.aether.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The demo home's {@code notify} services: they accept a call whose data has a {@code message}
 * (HA's notify schema; 400 otherwise) and record it, so that tests can see what a phone would
 * have shown, buttons ({@code data.actions}) included.
 */
public final class SimulatorNotifications {
    /** The demo home's notify services: two Companion-app devices and HA's own. */
    static final List<String> SERVICES =
            List.of("mobile_app_demo_phone", "mobile_app_demo_tablet", "persistent_notification");

    /** One notify call as HA received it. */
    public record Sent(String service, JsonNode data, Instant at) {
        public String title() {
            return data.path("title").asText(null);
        }

        public String message() {
            return data.path("message").asText(null);
        }

        /** The {@code action} ids of the buttons ({@code data.data.actions[].action}). */
        public List<String> actions() {
            return data.path("data").path("actions").findValuesAsText("action");
        }
    }

    private final ObjectMapper mapper;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    SimulatorNotifications(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    static boolean known(String service) {
        return SERVICES.contains(service);
    }

    /** Records the call; {@link HomeAssistantSimulator.BadRequest} when the data has no text message. */
    ArrayNode call(String service, JsonNode data) {
        if (data == null || !data.isObject() || !data.path("message").isTextual()) {
            throw new HomeAssistantSimulator.BadRequest();
        }
        sent.add(new Sent("notify." + service, data.deepCopy(), Instant.now()));
        return mapper.createArrayNode(); // a notification changes no state
    }

    /** The {@code notify} entry of {@code GET /api/services}. */
    ObjectNode describe() {
        ObjectNode domain = mapper.createObjectNode().put("domain", "notify");
        ObjectNode services = domain.putObject("services");
        for (String service : SERVICES) {
            ObjectNode entry = services.putObject(service);
            entry.put("name", "Send a notification via " + service);
            entry.put("description", "Sends a notification message using the " + service + " integration.");
            entry.putObject("fields");
        }
        return domain;
    }

    List<Sent> all() {
        return List.copyOf(sent);
    }

    void clear() {
        sent.clear();
    }
}

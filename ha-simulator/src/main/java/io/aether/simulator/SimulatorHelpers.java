package io.aether.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * HA's storage collections of the helpers other than input_boolean ({@link SimulatorWebSocket}
 * keeps that one): {@code <domain>/list|create|update|delete} over the WebSocket for input_number,
 * input_text, input_select, input_datetime, counter and timer, with the parts of HA's schemas that
 * refuse bad items ({@code invalid_format}, HA's voluptuous messages) and {@code not_found} for an
 * unknown id. A created item gets its id from its name (slugified, {@code _2}... while taken) and
 * its entity a state. Runs under the simulator's lock.
 */
final class SimulatorHelpers {

    static final List<String> DOMAINS =
            List.of("input_number", "input_text", "input_select", "input_datetime", "counter", "timer");
    private static final Set<String> OPERATIONS = Set.of("list", "create", "update", "delete");

    private final ObjectMapper mapper;
    private final StateMachine states;
    private final String userId;
    /** domain -> id -> stored item. */
    private final Map<String, Map<String, ObjectNode>> items = new LinkedHashMap<>();

    SimulatorHelpers(ObjectMapper mapper, StateMachine states, String userId) {
        this.mapper = mapper;
        this.states = states;
        this.userId = userId;
    }

    /** True for the command types this class answers (the caller checks admin for the writes). */
    static boolean handles(String type) {
        int slash = type.indexOf('/');
        return slash > 0
                && DOMAINS.contains(type.substring(0, slash))
                && OPERATIONS.contains(type.substring(slash + 1));
    }

    static boolean writes(String type) {
        return handles(type) && !type.endsWith("/list");
    }

    /** The demo home's helpers, after the states are seeded. */
    void reset() {
        items.clear();
        DOMAINS.forEach(d -> items.put(d, new LinkedHashMap<>()));
        ObjectNode target = mapper.createObjectNode()
                .put("name", "Target temperature")
                .put("min", 15)
                .put("max", 25)
                .put("step", 0.5)
                .put("initial", 20)
                .put("mode", "slider")
                .put("unit_of_measurement", "°C");
        create("input_number", target);
    }

    Optional<JsonNode> item(String domain, String id) {
        return Optional.ofNullable(items.getOrDefault(domain, Map.of()).get(id)).map(JsonNode::deepCopy);
    }

    /** Answers one command; a refusal is a {@link SimulatorWebSocket.CommandError}. */
    JsonNode handle(String type, ObjectNode msg) {
        String domain = type.substring(0, type.indexOf('/'));
        String operation = type.substring(type.indexOf('/') + 1);
        Map<String, ObjectNode> store = items.get(domain);
        switch (operation) {
            case "list" -> {
                ArrayNode list = mapper.createArrayNode();
                store.values().forEach(i -> list.add(i.deepCopy()));
                return list;
            }
            case "create" -> {
                ObjectNode fields = msg.deepCopy();
                fields.remove(List.of("id", "type"));
                return create(domain, fields);
            }
            case "update" -> {
                String id = requiredId(msg, domain);
                ObjectNode existing = store.get(id);
                if (existing == null) {
                    throw new SimulatorWebSocket.CommandError("not_found", "Unable to find " + domain + "_id " + id);
                }
                ObjectNode merged = existing.deepCopy();
                for (Iterator<Map.Entry<String, JsonNode>> it = msg.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    if (!Set.of("id", "type", domain + "_id").contains(f.getKey())) {
                        merged.set(f.getKey(), f.getValue().deepCopy());
                    }
                }
                ObjectNode check = merged.deepCopy();
                check.remove("id");
                validate(domain, check);
                store.put(id, merged);
                applyState(domain, merged);
                return merged.deepCopy();
            }
            default -> {
                String id = requiredId(msg, domain);
                if (store.remove(id) == null) {
                    throw new SimulatorWebSocket.CommandError("not_found", "Unable to find " + domain + "_id " + id);
                }
                states.remove(domain + "." + id);
                return null;
            }
        }
    }

    private ObjectNode create(String domain, ObjectNode fields) {
        validate(domain, fields);
        Map<String, ObjectNode> store = items.get(domain);
        String base = HomeAssistantSimulator.slugify(fields.get("name").asText());
        String id = base;
        for (int n = 2; store.containsKey(id); n++) {
            id = base + "_" + n;
        }
        ObjectNode item = mapper.createObjectNode().put("id", id);
        item.setAll(fields);
        store.put(id, item);
        applyState(domain, item);
        return item.deepCopy();
    }

    /** The schema checks HA's collection runs before it stores an item. */
    private static void validate(String domain, ObjectNode f) {
        JsonNode name = f.get("name");
        if (name == null) {
            throw invalid("required key not provided @ data['name']");
        }
        if (!name.isTextual() || name.asText().isEmpty()) {
            throw invalid("length of value must be at least 1 for dictionary value @ data['name']");
        }
        switch (domain) {
            case "input_number" -> {
                double min = requiredNumber(f, "min");
                double max = requiredNumber(f, "max");
                if (f.has("step") && (!f.get("step").isNumber() || f.get("step").asDouble() <= 0)) {
                    throw invalid("value must be at least 1e-09 for dictionary value @ data['step']");
                }
                if (f.has("mode")
                        && !Set.of("box", "slider").contains(f.get("mode").asText())) {
                    throw invalid("value must be one of ['box', 'slider'] for dictionary value @ data['mode']");
                }
                if (max <= min) {
                    throw invalid("Maximum (" + max + ") is not greater than minimum (" + min + ")");
                }
                if (f.has("initial")
                        && (f.get("initial").asDouble() < min
                                || f.get("initial").asDouble() > max)) {
                    throw invalid("Initial value " + f.get("initial").asDouble() + " not in range " + min + "-" + max);
                }
            }
            case "input_text" -> {
                if (f.has("mode")
                        && !Set.of("text", "password").contains(f.get("mode").asText())) {
                    throw invalid("value must be one of ['password', 'text'] for dictionary value @ data['mode']");
                }
                int min = f.path("min").asInt(0);
                int max = f.path("max").asInt(100);
                if (min > max) {
                    throw invalid("Minimum length " + min + " is greater than maximum length " + max);
                }
            }
            case "input_select" -> {
                JsonNode options = f.get("options");
                if (options == null) {
                    throw invalid("required key not provided @ data['options']");
                }
                if (!options.isArray() || options.isEmpty()) {
                    throw invalid("length of value must be at least 1 for dictionary value @ data['options']");
                }
                Set<String> seen = new HashSet<>();
                for (JsonNode o : options) {
                    if (!o.isTextual()) {
                        throw invalid("expected str @ data['options'][0]");
                    }
                    if (!seen.add(o.asText())) {
                        throw invalid("Duplicate options are not allowed");
                    }
                }
                if (f.has("initial") && !seen.contains(f.get("initial").asText())) {
                    throw invalid("Initial state " + f.get("initial").asText() + " is not part of the options");
                }
            }
            case "input_datetime" -> {
                if (!f.path("has_date").asBoolean(false) && !f.path("has_time").asBoolean(false)) {
                    throw invalid("Entity must have at least date or time");
                }
            }
            case "counter" -> {
                for (String key : List.of("initial", "step", "minimum", "maximum")) {
                    if (f.has(key) && !f.get(key).isNull() && !f.get(key).isIntegralNumber()) {
                        throw invalid("expected int for dictionary value @ data['" + key + "']");
                    }
                }
            }
            case "timer" -> {
                JsonNode duration = f.get("duration");
                if (duration != null
                        && !(duration.isTextual() && duration.asText().matches("\\d+:\\d{2}:\\d{2}"))) {
                    throw invalid("offset " + duration.asText() + " should be format 'HH:MM:SS'"
                            + " for dictionary value @ data['duration']");
                }
            }
            default -> throw new IllegalArgumentException(domain);
        }
    }

    private void applyState(String domain, ObjectNode item) {
        String id = item.get("id").asText();
        ObjectNode attributes = mapper.createObjectNode();
        String state;
        switch (domain) {
            case "input_number" -> {
                attributes.put(
                        "initial",
                        item.path("initial").isNumber() ? item.get("initial").asDouble() : null);
                attributes.put("editable", true);
                attributes.put("min", item.get("min").asDouble());
                attributes.put("max", item.get("max").asDouble());
                attributes.put("step", item.path("step").asDouble(1));
                attributes.put("mode", item.path("mode").asText("slider"));
                if (item.has("unit_of_measurement")) {
                    attributes.put(
                            "unit_of_measurement",
                            item.get("unit_of_measurement").asText());
                }
                state = String.valueOf(
                        item.path("initial").isNumber()
                                ? item.get("initial").asDouble()
                                : item.get("min").asDouble());
            }
            case "input_text" -> {
                attributes.put("editable", true);
                attributes.put("min", item.path("min").asInt(0));
                attributes.put("max", item.path("max").asInt(100));
                attributes.put("pattern", item.path("pattern").asText(null));
                attributes.put("mode", item.path("mode").asText("text"));
                state = item.path("initial").asText("");
            }
            case "input_select" -> {
                attributes.set("options", item.get("options").deepCopy());
                attributes.put("editable", true);
                state = item.path("initial").asText(item.get("options").get(0).asText());
            }
            case "input_datetime" -> {
                attributes.put("has_date", item.path("has_date").asBoolean(false));
                attributes.put("has_time", item.path("has_time").asBoolean(false));
                attributes.put("editable", true);
                state = "unknown";
            }
            case "counter" -> {
                attributes.put("initial", item.path("initial").asInt(0));
                attributes.put("editable", true);
                attributes.put("step", item.path("step").asInt(1));
                state = String.valueOf(item.path("initial").asInt(0));
            }
            default -> {
                attributes.put("duration", item.path("duration").asText("0:00:00"));
                attributes.put("editable", true);
                state = "idle";
            }
        }
        if (item.has("icon")) {
            attributes.put("icon", item.get("icon").asText());
        }
        attributes.put("friendly_name", item.get("name").asText());
        states.set(domain + "." + id, state, attributes, StateMachine.newContext(userId));
    }

    private static double requiredNumber(ObjectNode f, String key) {
        JsonNode value = f.get(key);
        if (value == null) {
            throw invalid("required key not provided @ data['" + key + "']");
        }
        if (!value.isNumber()) {
            throw invalid("expected float for dictionary value @ data['" + key + "']");
        }
        return value.asDouble();
    }

    private static String requiredId(ObjectNode msg, String domain) {
        JsonNode id = msg.get(domain + "_id");
        if (id == null) {
            throw invalid("required key not provided @ data['" + domain + "_id']");
        }
        return id.asText();
    }

    private static SimulatorWebSocket.CommandError invalid(String message) {
        return new SimulatorWebSocket.CommandError("invalid_format", message);
    }
}

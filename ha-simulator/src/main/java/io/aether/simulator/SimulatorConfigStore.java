package io.aether.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * HA's config editor for scripts ({@code scripts.yaml}) and scenes ({@code scenes.yaml}):
 * {@code GET|POST|DELETE /api/config/<script|scene>/config/<id>}, with HA's answers: GET of an
 * absent key 404, DELETE of one 400 (both {@code "Resource not found"}), a config HA's schema refuses
 * 400 {@code "Message malformed: ..."}; a save reloads the entity at once. Runs under the simulator's
 * lock (the caller holds it).
 */
final class SimulatorConfigStore {

    /** What a view answers: the status and the JSON body. */
    record Answer(int status, JsonNode body) {}

    private final ObjectMapper mapper;
    private final StateMachine states;
    private final Map<String, ObjectNode> scripts = new LinkedHashMap<>();
    private final Map<String, ObjectNode> scenes = new LinkedHashMap<>();
    /** scene config id -> scene entity id (HA names it after the scene's name when first created). */
    private final Map<String, String> sceneEntities = new HashMap<>();

    SimulatorConfigStore(ObjectMapper mapper, StateMachine states) {
        this.mapper = mapper;
        this.states = states;
    }

    /** The demo home's script and scene; called by the simulator's reset after the states are seeded. */
    void reset() {
        scripts.clear();
        scenes.clear();
        sceneEntities.clear();
        ObjectNode script = mapper.createObjectNode().put("alias", "Good night").put("description", "");
        script.putArray("sequence")
                .addObject()
                .put("action", "light.turn_off")
                .putObject("target")
                .put("entity_id", "all");
        script.put("mode", "single");
        save("script", "good_night", script);
        ObjectNode scene = mapper.createObjectNode().put("id", "movie_time").put("name", "Movie time");
        scene.putObject("entities")
                .putObject("light.living_room")
                .put("state", "on")
                .put("brightness", 60);
        save("scene", "movie_time", scene);
    }

    Optional<JsonNode> config(String domain, String key) {
        return Optional.ofNullable(store(domain).get(key)).map(JsonNode::deepCopy);
    }

    Answer view(String domain, String method, String key, JsonNode body, boolean bodyValid) {
        Map<String, ObjectNode> store = store(domain);
        switch (method) {
            case "GET":
                ObjectNode config = store.get(key);
                return config == null ? new Answer(404, message("Resource not found")) : new Answer(200, config);
            case "DELETE":
                if (store.remove(key) == null) {
                    return new Answer(400, message("Resource not found"));
                }
                states.remove(entityId(domain, key));
                sceneEntities.remove(key);
                return new Answer(200, mapper.createObjectNode().put("result", "ok"));
            default:
                if (!bodyValid) {
                    return new Answer(400, message("Invalid JSON specified"));
                }
                String error = validate(domain, body);
                if (error != null) {
                    return new Answer(400, message("Message malformed: " + error));
                }
                save(domain, key, body);
                return new Answer(200, mapper.createObjectNode().put("result", "ok"));
        }
    }

    /** The parts of HA's script/scene schemas that matter here; null when valid. */
    private static String validate(String domain, JsonNode body) {
        if (!body.isObject()) {
            return "expected a dictionary";
        }
        if (domain.equals("script")) {
            JsonNode sequence = body.get("sequence");
            if (sequence == null) {
                return "required key not provided @ data['sequence']";
            }
            if (!sequence.isArray() && !sequence.isObject()) {
                return "expected a list for dictionary value @ data['sequence']";
            }
            return null;
        }
        JsonNode entities = body.get("entities");
        if (entities == null) {
            return "required key not provided @ data['entities']";
        }
        if (!entities.isObject()) {
            return "expected a dictionary for dictionary value @ data['entities']";
        }
        JsonNode name = body.get("name");
        if (name != null && !name.isTextual()) {
            return "expected str for dictionary value @ data['name']";
        }
        return null;
    }

    private void save(String domain, String key, JsonNode body) {
        ObjectNode stored = ((ObjectNode) body).deepCopy();
        if (domain.equals("scene")) {
            stored.put("id", key); // HA's scene editor keeps the id inside the item
        }
        store(domain).put(key, stored);
        ObjectNode attributes = mapper.createObjectNode();
        if (domain.equals("script")) {
            attributes.putNull("last_triggered");
            attributes.put("mode", stored.path("mode").asText("single"));
            attributes.put("current", 0);
            attributes.put("friendly_name", stored.path("alias").asText(key));
            states.set("script." + key, "off", attributes, StateMachine.newContext(null));
        } else {
            String name = stored.path("name").asText(key);
            String entityId = sceneEntities.computeIfAbsent(key, k -> "scene." + HomeAssistantSimulator.slugify(name));
            ArrayNode members = attributes.putArray("entity_id");
            stored.path("entities").fieldNames().forEachRemaining(members::add);
            attributes.put("id", key);
            attributes.put("friendly_name", name);
            states.set(entityId, "unknown", attributes, StateMachine.newContext(null));
        }
    }

    private String entityId(String domain, String key) {
        return domain.equals("script") ? "script." + key : sceneEntities.getOrDefault(key, "scene." + key);
    }

    private Map<String, ObjectNode> store(String domain) {
        return domain.equals("script") ? scripts : scenes;
    }

    private ObjectNode message(String text) {
        return mapper.createObjectNode().put("message", text);
    }
}

package io.aether.domain.tool;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every tool the agent runtime will offer, in code: the one list that names in configs are checked against. */
public final class ToolRegistry {

    private static final Map<String, ToolDefinition> TOOLS = index(List.of(
            readOnly("get_entity_state", "Reads the current state and attributes of one entity."),
            readOnly("list_entities", "Lists entities, optionally filtered by domain or area."),
            readOnly("list_automations", "Lists the automations Home Assistant runs."),
            new ToolDefinition(
                    "seek_approval",
                    "Creates a proposal that a person must approve before anything is deployed.",
                    Map.of("type", "object"),
                    false)));

    private ToolRegistry() {}

    /** All tools, in a stable order. */
    public static List<ToolDefinition> all() {
        return List.copyOf(TOOLS.values());
    }

    public static Optional<ToolDefinition> find(String name) {
        return Optional.ofNullable(name).map(TOOLS::get);
    }

    public static boolean isKnown(String name) {
        return name != null && TOOLS.containsKey(name);
    }

    private static ToolDefinition readOnly(String name, String description) {
        return new ToolDefinition(name, description, Map.of("type", "object"), true);
    }

    private static Map<String, ToolDefinition> index(List<ToolDefinition> tools) {
        Map<String, ToolDefinition> byName = new LinkedHashMap<>();
        tools.forEach(t -> byName.put(t.name(), t));
        return Map.copyOf(byName);
    }
}

package io.aether.api.agent;

/**
 * The tool groups a config version may name in {@code tool_groups_enabled}. The tool-groups
 * feature owns the real list; {@link DefaultToolGroupCatalog} stands in until it is merged.
 */
public interface ToolGroupCatalog {
    boolean exists(String name);
}

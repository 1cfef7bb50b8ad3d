package io.aether.domain.tool;

import java.util.Map;

/**
 * One tool the agent runtime offers a model: its name, what it does, its JSON-schema parameters,
 * and whether it only reads. A mutating tool may only create proposals; no tool changes Home
 * Assistant directly.
 */
public record ToolDefinition(String name, String description, Map<String, Object> parameters, boolean readOnly) {}

package io.aether.domain.evaluation;

import java.util.Map;

/**
 * One stored span of a trace, as the scorers read it.
 *
 * @param type       {@code aether.span.type} (turn, agent, routing, tool, ha, llm), or null
 * @param attributes the span's attributes (strings, booleans, numbers)
 */
public record TraceSpan(
        String spanId,
        String parentSpanId,
        String name,
        String type,
        double durationMs,
        Map<String, Object> attributes) {
    public static final String MUTATING = "aether.mutating";
    public static final String TOOL_NAME = "gen_ai.tool.name";
    public static final String APPROVAL_TOOL = "seek_approval";

    public TraceSpan {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** A call that changes the home: {@code aether.mutating} is true (mutating tools, Home Assistant writes). */
    public boolean mutating() {
        Object value = attributes.get(MUTATING);
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }

    /** The {@code seek_approval} tool's span: by its tool name or its span name. */
    public boolean approval() {
        return APPROVAL_TOOL.equals(attributes.get(TOOL_NAME)) || APPROVAL_TOOL.equals(name);
    }
}

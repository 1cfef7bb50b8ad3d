package io.aether.api.trace;

import java.time.Instant;
import java.util.Map;

/**
 * One finished span as stored in {@code trace_span}.
 *
 * @param kind     the OpenTelemetry span kind, lower case
 * @param spanType {@code aether.span.type} (turn, agent, routing, tool, ha, llm), or null
 * @param agent    {@code aether.agent.role}, or null
 * @param status   {@code OK}, {@code ERROR} or {@code UNSET}
 */
public record SpanRow(
        String traceId,
        String spanId,
        String parentSpanId,
        String name,
        String kind,
        String spanType,
        String agent,
        Instant start,
        Instant end,
        double durationMs,
        String status,
        String statusMessage,
        Map<String, Object> attributes,
        String conversationId) {

    public SpanRow {
        attributes = attributes == null ? Map.of() : attributes;
    }

    public boolean root() {
        return parentSpanId == null;
    }
}

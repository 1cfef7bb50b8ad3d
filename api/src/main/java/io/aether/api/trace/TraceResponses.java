package io.aether.api.trace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The shapes of the trace endpoints (the original's TraceResponse and SpanNode, plus parent and kind). */
final class TraceResponses {
    private TraceResponses() {}

    /**
     * One span of the tree; {@code start_ms} and {@code end_ms} are relative to the trace's start,
     * {@code agent} is the span's agent role or the nearest ancestor's ({@code unknown} for none),
     * {@code type} its {@code aether.span.type} (or its OpenTelemetry kind for spans of other code).
     */
    record SpanNode(
            String spanId,
            String parentSpanId,
            String name,
            String agent,
            String type,
            String kind,
            double startMs,
            double endMs,
            double durationMs,
            String status,
            Map<String, Object> attributes,
            List<SpanNode> children) {}

    /** GET /traces/{trace_id}/spans. */
    record Trace(
            String traceId,
            String status,
            double durationMs,
            Instant startedAt,
            SpanNode rootSpan,
            List<String> agentsInvolved,
            int spanCount) {

        /**
         * The tree of the trace's spans (by start time). The root is the span without a parent;
         * a span whose parent is missing (not stored, or deleted) hangs under the root, so that
         * nothing recorded is hidden. Status: ERROR when any span failed, else OK.
         */
        static Trace of(String traceId, List<SpanRow> spans) {
            List<SpanRow> ordered = new ArrayList<>(spans);
            ordered.sort(Comparator.comparing(SpanRow::start).thenComparing(SpanRow::spanId));
            Map<String, SpanRow> byId = new HashMap<>();
            ordered.forEach(span -> byId.put(span.spanId(), span));
            SpanRow root = ordered.stream()
                    .filter(SpanRow::root)
                    .findFirst()
                    .orElse(ordered.stream()
                            .filter(span -> !byId.containsKey(span.parentSpanId()))
                            .findFirst()
                            .orElse(ordered.get(0)));
            Map<String, List<SpanRow>> children = new HashMap<>();
            for (SpanRow span : ordered) {
                if (span == root) {
                    continue;
                }
                String parent = byId.containsKey(span.parentSpanId()) ? span.parentSpanId() : root.spanId();
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(span);
            }
            Instant start = ordered.get(0).start();
            Set<String> agents = new LinkedHashSet<>();
            ordered.forEach(span -> {
                if (span.agent() != null) {
                    agents.add(span.agent());
                }
            });
            boolean failed = ordered.stream().anyMatch(span -> "ERROR".equals(span.status()));
            SpanNode tree = node(root, null, start, children, "unknown");
            Instant end = ordered.stream()
                    .map(SpanRow::end)
                    .max(Comparator.naturalOrder())
                    .orElse(start);
            double duration = Math.max(root.durationMs(), millis(start, end));
            return new Trace(
                    traceId, failed ? "ERROR" : "OK", duration, start, tree, List.copyOf(agents), ordered.size());
        }

        private static SpanNode node(
                SpanRow span,
                String parent,
                Instant traceStart,
                Map<String, List<SpanRow>> children,
                String inheritedAgent) {
            String agent = span.agent() != null ? span.agent() : inheritedAgent;
            List<SpanNode> nodes = new ArrayList<>();
            for (SpanRow child : children.getOrDefault(span.spanId(), List.of())) {
                nodes.add(node(child, span.spanId(), traceStart, children, agent));
            }
            double startMs = millis(traceStart, span.start());
            return new SpanNode(
                    span.spanId(),
                    parent,
                    span.name(),
                    agent,
                    span.spanType() != null ? span.spanType() : span.kind(),
                    span.kind(),
                    startMs,
                    startMs + span.durationMs(),
                    span.durationMs(),
                    span.status(),
                    span.attributes(),
                    List.copyOf(nodes));
        }
    }

    /** One trace of GET /diagnostics/traces/recent: its root span. */
    record RecentTrace(
            String traceId,
            String name,
            String agent,
            String status,
            Instant startedAt,
            long timestampMs,
            double durationMs,
            int spanCount,
            String conversationId) {

        static RecentTrace of(SpanStore.TraceHead head) {
            SpanRow root = head.root();
            return new RecentTrace(
                    root.traceId(),
                    root.name(),
                    root.agent(),
                    root.status(),
                    root.start(),
                    root.start().toEpochMilli(),
                    root.durationMs(),
                    head.spanCount(),
                    root.conversationId());
        }
    }

    /** GET /diagnostics/traces/recent. */
    record Recent(List<RecentTrace> traces, int count, int limit, int offset) {}

    private static double millis(Instant from, Instant to) {
        long nanos = (to.getEpochSecond() - from.getEpochSecond()) * 1_000_000_000L + (to.getNano() - from.getNano());
        return nanos / 1_000_000.0;
    }
}

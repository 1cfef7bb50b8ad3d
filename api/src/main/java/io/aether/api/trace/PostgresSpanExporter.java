package io.aether.api.trace;

import io.aether.agents.trace.TraceAttributes;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes finished spans to PostgreSQL ({@code trace_span}), one batched insert per export. It runs
 * behind a {@code BatchSpanProcessor} (bounded queue, its own thread), so a slow database delays
 * no chat turn; a failed export is logged and its batch dropped (telemetry, not the record).
 */
final class PostgresSpanExporter implements SpanExporter {
    private static final Logger log = LoggerFactory.getLogger(PostgresSpanExporter.class);
    private static final int MAX_TEXT = 8192;

    private final SpanStore store;
    private volatile boolean stopped;

    PostgresSpanExporter(SpanStore store) {
        this.store = store;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        if (stopped) {
            return CompletableResultCode.ofFailure();
        }
        try {
            store.insert(spans.stream().map(PostgresSpanExporter::row).toList());
            return CompletableResultCode.ofSuccess();
        } catch (RuntimeException e) {
            log.warn("{} spans could not be stored: {}", spans.size(), e.getMessage());
            return CompletableResultCode.ofFailure();
        }
    }

    static SpanRow row(SpanData span) {
        Map<String, Object> attributes = new TreeMap<>();
        span.getAttributes().forEach((key, value) -> attributes.put(key.getKey(), jsonValue(value)));
        String parent = SpanId.isValid(span.getParentSpanId()) ? span.getParentSpanId() : null;
        StatusData status = span.getStatus();
        String description = status.getDescription();
        return new SpanRow(
                span.getTraceId(),
                span.getSpanId(),
                parent,
                span.getName(),
                span.getKind().name().toLowerCase(Locale.ROOT),
                string(span, TraceAttributes.SPAN_TYPE),
                string(span, TraceAttributes.AGENT_ROLE),
                instant(span.getStartEpochNanos()),
                instant(span.getEndEpochNanos()),
                (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1_000_000.0,
                status.getStatusCode() == StatusCode.UNSET
                        ? "UNSET"
                        : status.getStatusCode().name(),
                description == null || description.isEmpty() ? null : truncate(description),
                attributes,
                string(span, TraceAttributes.CONVERSATION_ID));
    }

    private static Object jsonValue(Object value) {
        if (value instanceof String text) {
            return truncate(text);
        }
        if (value instanceof List<?> list) {
            return List.copyOf(list);
        }
        return value;
    }

    private static String string(SpanData span, String key) {
        return span.getAttributes().get(AttributeKey.stringKey(key));
    }

    private static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(0, epochNanos);
    }

    private static String truncate(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        stopped = true;
        return CompletableResultCode.ofSuccess();
    }
}

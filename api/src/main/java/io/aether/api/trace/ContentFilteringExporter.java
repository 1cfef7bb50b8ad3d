package io.aether.api.trace;

import io.aether.agents.trace.TraceAttributes;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Drops the attributes that carry message text or tool arguments ({@link TraceAttributes#CONTENT},
 * on spans and on their events) before a span reaches its exporter, unless the operator keeps
 * content ({@code AETHER_TRACE_CONTENT=true}). Every exporter (PostgreSQL, OTLP) is wrapped.
 */
final class ContentFilteringExporter implements SpanExporter {
    private final SpanExporter delegate;
    private final Set<String> dropped;

    ContentFilteringExporter(SpanExporter delegate, Set<String> dropped) {
        this.delegate = delegate;
        this.dropped = Set.copyOf(dropped);
    }

    /** The exporter itself when content is kept, else the exporter behind the filter. */
    static SpanExporter wrap(SpanExporter exporter, boolean keepContent) {
        return keepContent ? exporter : new ContentFilteringExporter(exporter, TraceAttributes.CONTENT);
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return delegate.export(spans.stream().map(this::filter).toList());
    }

    SpanData filter(SpanData span) {
        if (!carriesContent(span.getAttributes())
                && span.getEvents().stream().noneMatch(event -> carriesContent(event.getAttributes()))) {
            return span;
        }
        Attributes attributes = without(span.getAttributes());
        List<EventData> events = span.getEvents().stream()
                .map(event -> carriesContent(event.getAttributes())
                        ? EventData.create(event.getEpochNanos(), event.getName(), without(event.getAttributes()))
                        : event)
                .toList();
        return new DelegatingSpanData(span) {
            @Override
            public Attributes getAttributes() {
                return attributes;
            }

            @Override
            public int getTotalAttributeCount() {
                return attributes.size();
            }

            @Override
            public List<EventData> getEvents() {
                return events;
            }
        };
    }

    private boolean carriesContent(Attributes attributes) {
        for (AttributeKey<?> key : attributes.asMap().keySet()) {
            if (dropped.contains(key.getKey())) {
                return true;
            }
        }
        return false;
    }

    private Attributes without(Attributes attributes) {
        AttributesBuilder builder = attributes.toBuilder();
        builder.removeIf(key -> dropped.contains(key.getKey()));
        return builder.build();
    }

    @Override
    public CompletableResultCode flush() {
        return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return delegate.shutdown();
    }
}

package io.aether.api.trace;

import io.aether.command.evaluation.TraceSpans;
import io.aether.domain.evaluation.TraceSpan;
import java.util.List;
import org.springframework.stereotype.Component;

/** The evaluation process' port to the stored spans: the span table, read by {@link SpanStore}. */
@Component
class StoredTraceSpans implements TraceSpans {
    private final SpanStore store;

    StoredTraceSpans(SpanStore store) {
        this.store = store;
    }

    @Override
    public List<TraceSpan> spans(String traceId) {
        return store.trace(traceId).stream()
                .map(span -> new TraceSpan(
                        span.spanId(),
                        span.parentSpanId(),
                        span.name(),
                        span.spanType(),
                        span.durationMs(),
                        span.attributes()))
                .toList();
    }
}

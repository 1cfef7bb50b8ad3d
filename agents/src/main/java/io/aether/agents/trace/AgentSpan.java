package io.aether.agents.trace;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;

/**
 * One started span, current on this thread until {@link #close()} ends it: use it in a
 * try-with-resources block, so that the spans started inside become its children.
 */
public final class AgentSpan implements AutoCloseable {
    private final Span span;
    private final Scope scope;

    AgentSpan(Span span) {
        this.span = span;
        this.scope = span.makeCurrent();
    }

    /** The OpenTelemetry span, for attributes this class has no method for. */
    public Span span() {
        return span;
    }

    /** The trace id (32 hex digits): the {@code trace_id} a chat answer returns. */
    public String traceId() {
        return span.getSpanContext().getTraceId();
    }

    public String spanId() {
        return span.getSpanContext().getSpanId();
    }

    /** The token counts a model call reported (GenAI conventions). */
    public AgentSpan usage(long inputTokens, long outputTokens) {
        span.setAttribute(TraceAttributes.GEN_AI_INPUT_TOKENS, inputTokens);
        span.setAttribute(TraceAttributes.GEN_AI_OUTPUT_TOKENS, outputTokens);
        return this;
    }

    /**
     * Message text or tool arguments under one of {@link TraceAttributes#CONTENT}: dropped before
     * storage and export unless AETHER_TRACE_CONTENT=true.
     */
    public AgentSpan content(String attribute, String text) {
        if (text != null) {
            span.setAttribute(AttributeKey.stringKey(attribute), text);
        }
        return this;
    }

    /** Marks the span failed with the error's kind and message (never a stack trace). */
    public AgentSpan fail(Throwable error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        span.setStatus(StatusCode.ERROR, message);
        span.setAttribute("error.type", error.getClass().getSimpleName());
        return this;
    }

    public AgentSpan fail(String reason) {
        span.setStatus(StatusCode.ERROR, reason);
        return this;
    }

    @Override
    public void close() {
        scope.close();
        span.end();
    }
}

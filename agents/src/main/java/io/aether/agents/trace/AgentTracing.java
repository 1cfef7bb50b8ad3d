package io.aether.agents.trace;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * The spans of a chat turn, for the chat runtime to call: the turn (root), each agent run,
 * routing, every tool call, every Home Assistant call and every model call, each a child of the
 * span current on the thread (so nest them with try-with-resources). Attributes follow the
 * OpenTelemetry GenAI conventions ({@link TraceAttributes}). The api module supplies the tracer
 * (SDK, PostgreSQL store, optional OTLP export); with {@link #noop()} nothing is recorded.
 */
public final class AgentTracing {
    private final Tracer tracer;

    public AgentTracing(Tracer tracer) {
        this.tracer = Objects.requireNonNull(tracer, "tracer");
    }

    /** Records nothing (tests and tools that run without the server). */
    public static AgentTracing noop() {
        return new AgentTracing(OpenTelemetry.noop().getTracer("aether"));
    }

    /** The root span of one chat turn: a new trace, whatever is current. */
    public AgentSpan turn(UUID conversationId, String agentRole) {
        return new AgentSpan(turnSpan(conversationId, agentRole));
    }

    /**
     * The root span of a turn that starts on one thread and ends on another (a streamed answer):
     * not made current; the caller makes it current where the turn runs and ends it once.
     */
    public Span turnSpan(UUID conversationId, String agentRole) {
        SpanBuilder builder = tracer.spanBuilder("chat_turn")
                .setNoParent()
                .setSpanKind(SpanKind.SERVER)
                .setAttribute(TraceAttributes.SPAN_TYPE, SpanType.TURN.wire());
        if (conversationId != null) {
            builder.setAttribute(TraceAttributes.CONVERSATION_ID, conversationId.toString());
        }
        if (agentRole != null) {
            builder.setAttribute(TraceAttributes.AGENT_ROLE, agentRole);
        }
        return builder.startSpan();
    }

    /** One agent's run (the architect, or an agent it delegated to): the unit of delegation depth. */
    public AgentSpan agent(String agentRole) {
        return start(tracer.spanBuilder("invoke_agent " + agentRole)
                .setAttribute(TraceAttributes.SPAN_TYPE, SpanType.AGENT.wire())
                .setAttribute(TraceAttributes.AGENT_ROLE, agentRole)
                .setAttribute(TraceAttributes.GEN_AI_OPERATION, "invoke_agent")
                .setAttribute(TraceAttributes.GEN_AI_AGENT_NAME, agentRole));
    }

    /** The orchestrator choosing an agent for the request. */
    public AgentSpan routing(String agentRole, String routedTo) {
        SpanBuilder builder = tracer.spanBuilder("routing")
                .setAttribute(TraceAttributes.SPAN_TYPE, SpanType.ROUTING.wire())
                .setAttribute(TraceAttributes.AGENT_ROLE, agentRole);
        if (routedTo != null) {
            builder.setAttribute(TraceAttributes.ROUTED_TO, routedTo);
        }
        return start(builder);
    }

    /**
     * A tool call, named after the tool. {@code mutating}: the tool changes the home (the tool
     * registry's mutating tools); such a call is safe only below a {@code seek_approval} span.
     */
    public AgentSpan tool(String agentRole, String toolName, boolean mutating) {
        return start(tracer.spanBuilder(toolName)
                .setAttribute(TraceAttributes.SPAN_TYPE, SpanType.TOOL.wire())
                .setAttribute(TraceAttributes.AGENT_ROLE, agentRole)
                .setAttribute(TraceAttributes.GEN_AI_OPERATION, "execute_tool")
                .setAttribute(TraceAttributes.GEN_AI_TOOL_NAME, toolName)
                .setAttribute(TraceAttributes.MUTATING, mutating));
    }

    /**
     * A call to Home Assistant. Every method but GET changes the home ({@code aether.mutating});
     * a WebSocket command passes its own {@code mutating} through {@link #haCall(String, String, String, boolean)}.
     */
    public AgentSpan haCall(String agentRole, String method, String path) {
        String verb = method.toUpperCase(Locale.ROOT);
        return haCall(agentRole, verb, path, !"GET".equals(verb));
    }

    public AgentSpan haCall(String agentRole, String method, String path, boolean mutating) {
        return start(tracer.spanBuilder("ha " + method + " " + path)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(TraceAttributes.SPAN_TYPE, SpanType.HA.wire())
                .setAttribute(TraceAttributes.AGENT_ROLE, agentRole)
                .setAttribute(TraceAttributes.HA_METHOD, method)
                .setAttribute(TraceAttributes.HA_PATH, path)
                .setAttribute(TraceAttributes.MUTATING, mutating));
    }

    /** A model call; report its token counts with {@link AgentSpan#usage}. */
    public AgentSpan modelCall(String agentRole, String system, String model) {
        return start(tracer.spanBuilder("chat " + model)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(TraceAttributes.SPAN_TYPE, SpanType.LLM.wire())
                .setAttribute(TraceAttributes.AGENT_ROLE, agentRole)
                .setAttribute(TraceAttributes.GEN_AI_OPERATION, "chat")
                .setAttribute(TraceAttributes.GEN_AI_SYSTEM, system)
                .setAttribute(TraceAttributes.GEN_AI_REQUEST_MODEL, model));
    }

    /** The trace id of the span current on this thread, or null outside a turn. */
    public static String currentTraceId() {
        Span span = Span.current();
        return span.getSpanContext().isValid() ? span.getSpanContext().getTraceId() : null;
    }

    private static AgentSpan start(SpanBuilder builder) {
        return new AgentSpan(builder.startSpan());
    }
}

package io.aether.agents.trace;

import java.util.Set;

/**
 * The attribute names of Aether's spans: the OpenTelemetry GenAI semantic conventions where they
 * have a name, {@code aether.*} for the rest. {@link #CONTENT} are the ones that can carry what
 * people wrote or what a tool was asked: they are dropped before storage and export unless the
 * operator sets {@code AETHER_TRACE_CONTENT=true} (docs/observability.md).
 */
public final class TraceAttributes {
    /** What the span is: one of {@link SpanType}'s wire values ({@code turn}, {@code agent}, ...). */
    public static final String SPAN_TYPE = "aether.span.type";
    /** The agent role the span works for ({@code architect}, {@code orchestrator}, ...). */
    public static final String AGENT_ROLE = "aether.agent.role";

    public static final String CONVERSATION_ID = "aether.conversation.id";
    /** True on a call that changes the home (a mutating tool or a Home Assistant write). */
    public static final String MUTATING = "aether.mutating";

    public static final String ROUTED_TO = "aether.routing.target";

    public static final String HA_METHOD = "http.request.method";
    public static final String HA_PATH = "url.path";

    public static final String GEN_AI_SYSTEM = "gen_ai.system";
    public static final String GEN_AI_OPERATION = "gen_ai.operation.name";
    public static final String GEN_AI_REQUEST_MODEL = "gen_ai.request.model";
    public static final String GEN_AI_INPUT_TOKENS = "gen_ai.usage.input_tokens";
    public static final String GEN_AI_OUTPUT_TOKENS = "gen_ai.usage.output_tokens";
    public static final String GEN_AI_AGENT_NAME = "gen_ai.agent.name";
    public static final String GEN_AI_TOOL_NAME = "gen_ai.tool.name";

    public static final String MESSAGE_CONTENT = "aether.message.content";
    public static final String TOOL_ARGUMENTS = "aether.tool.arguments";
    public static final String TOOL_RESULT = "aether.tool.result";
    public static final String GEN_AI_PROMPT = "gen_ai.prompt";
    public static final String GEN_AI_COMPLETION = "gen_ai.completion";

    /** Attributes that carry conversation text or tool arguments (kept only with AETHER_TRACE_CONTENT=true). */
    public static final Set<String> CONTENT =
            Set.of(MESSAGE_CONTENT, TOOL_ARGUMENTS, TOOL_RESULT, GEN_AI_PROMPT, GEN_AI_COMPLETION);

    /** The tool through which every change to the home must go (it records a proposal, nothing more). */
    public static final String APPROVAL_TOOL = "seek_approval";

    private TraceAttributes() {}
}

package io.aether.agents.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.aether.agents.llm.ModelPrices;
import io.aether.agents.trace.AgentSpan;
import io.aether.agents.trace.AgentTracing;
import io.aether.agents.trace.TraceAttributes;
import io.aether.domain.conversation.RecordTurn;
import io.aether.domain.llm.LlmCallRecorded;
import io.aether.domain.tool.ToolDefinition;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs chat turns: routes to an agent ({@link AgentRouter}), then calls the agent's model with its
 * system prompt, the conversation and the agent's tools (LangChain4j {@link ToolSpecification}s
 * over {@link ChatRequest}), runs each tool the model asks for through {@link ChatTools} with the
 * turn's timeout, and calls the model again with the results, at most
 * {@link Turn#maxToolIterations()} times. Everything is collected for the conversation's record:
 * one {@link LlmCallRecorded} per model call (cost from {@link ModelPrices}), one tool call each.
 *
 * <p>No tool here can change Home Assistant: the only tools are the {@link ChatTools} the api
 * module implements (read-only, plus {@code seek_approval}, which creates a proposal).
 */
public class ChatRuntime implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgentRouter router;
    private final ModelSource models;
    private final ChatTools tools;
    private final ModelPrices prices;
    private final Clock clock;
    private final ThreadContext context;
    private final AgentTracing tracing;
    private final ExecutorService toolThreads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "chat-tool");
        t.setDaemon(true);
        return t;
    });

    public ChatRuntime(AgentDirectory agents, ModelSource models, ChatTools tools, ModelPrices prices, Clock clock) {
        this(agents, models, tools, prices, clock, ThreadContext.NONE);
    }

    public ChatRuntime(
            AgentDirectory agents,
            ModelSource models,
            ChatTools tools,
            ModelPrices prices,
            Clock clock,
            ThreadContext context) {
        this(agents, models, tools, prices, clock, context, AgentTracing.noop());
    }

    /**
     * With {@code tracing}, a turn run inside its root span (current on the calling thread) records
     * a span for routing, the agent's run, every model call (token counts) and every tool call.
     */
    public ChatRuntime(
            AgentDirectory agents,
            ModelSource models,
            ChatTools tools,
            ModelPrices prices,
            Clock clock,
            ThreadContext context,
            AgentTracing tracing) {
        this.context = context;
        this.tracing = tracing;
        this.router = new AgentRouter(agents);
        this.models = models;
        this.tools = tools;
        this.prices = prices == null ? ModelPrices.NONE : prices;
        this.clock = clock;
    }

    /** Which agent would answer (routing only, no model call). */
    public AgentRouter.Routed route(String requested, String message) {
        return router.route(requested, message);
    }

    public TurnResult run(Turn turn, TurnListener listener) {
        AgentRouter.Routed routed;
        try (AgentSpan routing = tracing.routing(turn.requestedAgent(), null)) {
            routed = router.route(turn.requestedAgent(), lastUserText(turn.messages()));
            routing.span()
                    .setAttribute(TraceAttributes.ROUTED_TO, routed.agent().name());
        }
        listener.routed(routed.routing());
        try (AgentSpan run = tracing.agent(routed.agent().name())) {
            TurnResult result = runAgent(turn, listener, routed);
            if (result.failure() != null) {
                run.fail(result.failure());
            }
            return result;
        }
    }

    private TurnResult runAgent(Turn turn, TurnListener listener, AgentRouter.Routed routed) {
        AgentSetup agent = routed.agent();
        List<RecordTurn.ToolCall> toolCalls = new ArrayList<>();
        List<LlmCallRecorded> modelCalls = new ArrayList<>();
        List<UUID> proposals = new ArrayList<>();
        List<ToolSpecification> specs = agent.tools().stream()
                .filter(t -> tools.supports(t.name()))
                .map(ToolSpecs::of)
                .toList();
        List<ChatMessage> messages = new ArrayList<>();
        if (agent.systemPrompt() != null && !agent.systemPrompt().isBlank()) {
            messages.add(SystemMessage.from(agent.systemPrompt()));
        }
        messages.addAll(turn.messages());
        ChatTools.Context context =
                new ChatTools.Context(turn.conversationId(), turn.traceId(), agent.name(), turn.actor());
        long inputTokens = 0;
        long outputTokens = 0;
        long started = System.nanoTime();
        ChatModel model;
        try {
            model = models.model(agent);
        } catch (RuntimeException e) {
            return failed(routed, toolCalls, modelCalls, proposals, e);
        }
        String modelName = models.modelName(agent);
        for (int iteration = 0; iteration <= turn.maxToolIterations(); iteration++) {
            if (listener.cancelled()) {
                return new TurnResult(
                        routed.routing(), toolCalls, modelCalls, proposals, new RecordTurn.Cancelled(), null);
            }
            ChatRequest.Builder request = ChatRequest.builder().messages(messages);
            if (!specs.isEmpty() && iteration < turn.maxToolIterations()) {
                request.toolSpecifications(specs);
            }
            long callStart = System.nanoTime();
            ChatResponse response;
            long in;
            long out;
            try (AgentSpan span = tracing.modelCall(agent.name(), models.provider(), modelName)) {
                try {
                    response = model.chat(request.build());
                } catch (RuntimeException e) {
                    span.fail(e);
                    modelCalls.add(call(turn, agent, modelName, 0, 0, millisSince(callStart), shortReason(e)));
                    return failed(routed, toolCalls, modelCalls, proposals, e);
                }
                TokenUsage usage = response.tokenUsage();
                in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
                out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
                span.usage(in, out);
            }
            inputTokens += in;
            outputTokens += out;
            modelCalls.add(call(turn, agent, modelName, in, out, millisSince(callStart), null));
            AiMessage ai = response.aiMessage();
            if (ai == null || !ai.hasToolExecutionRequests()) {
                String text = ai == null || ai.text() == null ? "" : ai.text();
                if (routed.routing().fallback()) {
                    text = "(" + routed.routing().reason() + ".)\n\n" + text;
                }
                return new TurnResult(
                        routed.routing(),
                        toolCalls,
                        modelCalls,
                        proposals,
                        new RecordTurn.Completed(
                                UUID.randomUUID(), text, inputTokens, outputTokens, millisSince(started)),
                        null);
            }
            if (iteration == turn.maxToolIterations()) {
                break;
            }
            messages.add(ai);
            for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
                if (listener.cancelled()) {
                    return new TurnResult(
                            routed.routing(), toolCalls, modelCalls, proposals, new RecordTurn.Cancelled(), null);
                }
                listener.toolCalling(agent.name(), call.name());
                RecordTurn.ToolCall record;
                ChatTools.ToolResult result;
                long toolStart = System.nanoTime();
                boolean offered = specs.stream().anyMatch(s -> s.name().equals(call.name()));
                try (AgentSpan span = tracing.tool(agent.name(), call.name(), false)) {
                    span.content(TraceAttributes.TOOL_ARGUMENTS, call.arguments());
                    if (!offered) {
                        result = ChatTools.ToolResult.refused("no tool named '" + call.name() + "' is available");
                    } else {
                        result = runTool(call, context, turn);
                    }
                    if (result.error() != null) {
                        span.fail(result.error());
                    }
                }
                String text = result.text() == null ? "" : result.text();
                record = new RecordTurn.ToolCall(
                        call.name(), call.arguments(), text.length(), millisSince(toolStart), result.error());
                toolCalls.add(record);
                listener.toolCalled(agent.name(), record);
                if (result.proposalId() != null) {
                    proposals.add(result.proposalId());
                    listener.proposalCreated(result.proposalId(), text);
                }
                messages.add(ToolExecutionResultMessage.from(call, text));
            }
        }
        return failed(routed, toolCalls, modelCalls, proposals, new TurnLimitException(turn.maxToolIterations()));
    }

    private ChatTools.ToolResult runTool(ToolExecutionRequest call, ChatTools.Context context, Turn turn) {
        JsonNode arguments;
        try {
            String raw = call.arguments() == null || call.arguments().isBlank() ? "{}" : call.arguments();
            arguments = JSON.readTree(raw);
        } catch (Exception e) {
            return ChatTools.ToolResult.refused("the arguments are not JSON");
        }
        if (arguments == null || !arguments.isObject()) {
            return ChatTools.ToolResult.refused("the arguments must be a JSON object");
        }
        JsonNode args = arguments;
        Future<ChatTools.ToolResult> future = toolThreads.submit(io.opentelemetry.context.Context.current()
                .wrap(this.context.carry(() -> tools.call(call.name(), args, context))));
        try {
            ChatTools.ToolResult result = future.get(turn.toolTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return result == null ? ChatTools.ToolResult.of("") : result;
        } catch (TimeoutException e) {
            future.cancel(true);
            return ChatTools.ToolResult.refused(
                    "the tool did not answer within " + turn.toolTimeout().toSeconds() + " s");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return ChatTools.ToolResult.refused("the tool call was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            return ChatTools.ToolResult.refused(message);
        }
    }

    private TurnResult failed(
            AgentRouter.Routed routed,
            List<RecordTurn.ToolCall> toolCalls,
            List<LlmCallRecorded> modelCalls,
            List<UUID> proposals,
            RuntimeException e) {
        return new TurnResult(
                routed.routing(), toolCalls, modelCalls, proposals, new RecordTurn.Failed(shortReason(e)), e);
    }

    private LlmCallRecorded call(
            Turn turn, AgentSetup agent, String modelName, long in, long out, long latencyMs, String error) {
        BigDecimal cost = prices.costUsd(models.provider(), modelName, in, out).orElse(null);
        return new LlmCallRecorded(
                UUID.randomUUID(),
                turn.conversationId(),
                turn.traceId(),
                models.provider(),
                modelName,
                agent.name(),
                "chat",
                in,
                out,
                latencyMs,
                cost,
                error,
                clock.instant(),
                turn.actor());
    }

    /** A failure's message, bounded (our own exceptions never carry message text or keys). */
    static String shortReason(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.length() > 300 ? m.substring(0, 300) : m;
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    private static String lastUserText(List<ChatMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof UserMessage u && u.hasSingleText()) {
                return u.singleText();
            }
        }
        return "";
    }

    /** The tools of an agent that the runtime offers (implemented ones only). */
    public List<ToolDefinition> offeredTools(AgentSetup agent) {
        return agent.tools().stream().filter(t -> tools.supports(t.name())).toList();
    }

    @Override
    public void close() {
        toolThreads.shutdownNow();
    }
}

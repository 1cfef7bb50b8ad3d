package io.aether.api.chat;

import dev.langchain4j.data.message.ChatMessage;
import io.aether.agents.chat.ChatRuntime;
import io.aether.agents.chat.Turn;
import io.aether.agents.chat.TurnListener;
import io.aether.agents.chat.TurnResult;
import io.aether.agents.trace.AgentTracing;
import io.aether.api.settings.AppSettings;
import io.aether.domain.actor.Actor;
import io.aether.domain.conversation.PostMessage;
import io.aether.domain.conversation.RecordTurn;
import io.aether.domain.settings.SettingsSection;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/**
 * One chat turn from start to record: the person's message is stored first ({@link PostMessage}),
 * then the runtime answers with the limits of the {@code chat} settings read live, then everything
 * the turn did is stored ({@link RecordTurn}), whether it completed, failed or was cancelled.
 * The turn is one OpenTelemetry trace: its root span starts with the message (its trace id is
 * the turn's {@code trace_id}), is current wherever the turn runs, and ends when it is stored.
 */
@Service
public class ChatTurns {
    private final CommandGateway commands;
    private final ChatRuntime runtime;
    private final AppSettings settings;
    private final AgentTracing tracing;

    public ChatTurns(CommandGateway commands, ChatRuntime runtime, AppSettings settings, AgentTracing tracing) {
        this.commands = commands;
        this.runtime = runtime;
        this.settings = settings;
        this.tracing = tracing;
    }

    /** A turn whose message is stored and that is ready to run; {@code span} is its trace's root. */
    public record Opened(Turn turn, Duration streamTimeout, Span span) {
        public UUID conversationId() {
            return turn.conversationId();
        }

        public String traceId() {
            return turn.traceId();
        }
    }

    /**
     * Stores the person's message (starting the conversation when it is new).
     *
     * @param history the messages the model sees, ending with {@code message}
     */
    public Opened open(
            UUID conversationId,
            String requestedAgent,
            List<ChatMessage> history,
            String message,
            String title,
            String source,
            Actor actor) {
        Span span = tracing.turnSpan(conversationId, requestedAgent);
        String traceId = span.getSpanContext().isValid()
                ? span.getSpanContext().getTraceId()
                : UUID.randomUUID().toString().replace("-", "");
        try {
            commands.sendAndWait(new PostMessage(
                    conversationId, UUID.randomUUID(), traceId, message, title, requestedAgent, source, actor));
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, "the message was not stored");
            span.end();
            throw e;
        }
        Map<String, Object> chat = settings.section(SettingsSection.CHAT);
        Turn turn = new Turn(
                conversationId,
                traceId,
                requestedAgent,
                history,
                Duration.ofSeconds(number(chat.get("tool_timeout_seconds"), 30)),
                (int) number(chat.get("max_tool_iterations"), 10),
                actor);
        return new Opened(turn, Duration.ofSeconds(number(chat.get("stream_timeout_seconds"), 900)), span);
    }

    /** Runs the turn inside its root span, on whichever thread calls. */
    public TurnResult run(Opened opened, TurnListener listener) {
        try (Scope scope = opened.span().makeCurrent()) {
            return runtime.run(opened.turn(), listener);
        }
    }

    /** Stores what the turn did; {@code outcome} overrides the result's (a stream timeout), or null. */
    public void record(Opened opened, TurnResult result, RecordTurn.Outcome outcome) {
        RecordTurn record = result.record(opened.turn());
        if (outcome != null) {
            record = new RecordTurn(
                    record.conversationId(),
                    record.traceId(),
                    record.routing(),
                    record.toolCalls(),
                    record.modelCalls(),
                    record.proposalIds(),
                    outcome,
                    record.actor());
        }
        Span span = opened.span();
        if (record.outcome() instanceof RecordTurn.Failed failed) {
            span.setStatus(StatusCode.ERROR, failed.reason());
        } else if (record.outcome() instanceof RecordTurn.Cancelled) {
            span.setAttribute("aether.turn.cancelled", true);
        }
        try {
            commands.sendAndWait(record);
        } finally {
            span.end();
        }
    }

    /** Opens, runs and records a turn; a failure is recorded, then thrown (502 in the envelope). */
    public Answered answer(Opened opened) {
        TurnResult result = run(opened, TurnListener.NONE);
        record(opened, result, null);
        if (result.failure() != null) {
            throw ChatCompletions.upstream(result.failure());
        }
        return new Answered(opened, result);
    }

    public record Answered(Opened opened, TurnResult result) {}

    private static long number(Object value, long fallback) {
        return value instanceof Number n ? n.longValue() : fallback;
    }
}

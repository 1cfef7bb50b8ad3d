package io.aether.api.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import io.aether.agents.chat.AgentRouter;
import io.aether.agents.chat.TurnListener;
import io.aether.agents.chat.TurnResult;
import io.aether.agents.llm.LlmProviderException;
import io.aether.api.platform.error.ApiException;
import io.aether.domain.ErrorKind;
import io.aether.domain.actor.Actor;
import io.aether.domain.conversation.RecordTurn;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * {@code POST /chat/completions}: checks the request, opens the turn on its conversation (the
 * client's id, or the original's deterministic one), runs it and answers OpenAI's
 * {@code chat.completion}, or streams it as Server-Sent Events: {@code chat.completion.chunk}
 * deltas interleaved with the original's custom events, the final chunk, {@code metadata}, then
 * (once the turn is stored) {@code data: [DONE]}. Errors in a stream are {@code {"error":...}}
 * events; heartbeats are comment lines; a client that goes away cancels the turn, recorded as
 * cancelled.
 */
@Service
public class ChatCompletions {
    static final int MAX_MESSAGES = 200;
    static final int MAX_CONTENT = 32_000;
    private static final Set<String> ROLES = Set.of("system", "user", "assistant", "tool", "developer");
    private static final int TITLE_LENGTH = 60;

    private final ChatTurns turns;
    private final ChatAgents agents;
    private final ObjectMapper mapper;
    private final Duration heartbeat;
    private final RequestThreadContext context;
    private final ExecutorService streams = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "chat-stream-turn");
        t.setDaemon(true);
        return t;
    });

    public ChatCompletions(
            ChatTurns turns,
            ChatAgents agents,
            ObjectMapper mapper,
            RequestThreadContext context,
            @Value("${aether.chat.heartbeat:15s}") Duration heartbeat) {
        this.context = context;
        this.turns = turns;
        this.agents = agents;
        this.mapper = mapper;
        this.heartbeat = heartbeat;
    }

    @PreDestroy
    void close() {
        streams.shutdownNow();
    }

    /** A request that passed the checks: who answers, on which conversation, with which history. */
    record Prepared(
            UUID conversationId,
            String requestedAgent,
            List<ChatMessage> history,
            String message,
            String title,
            String model) {}

    /** The checks of the issue: no user message 400; too many or too long messages 422. */
    Prepared prepare(ChatRequests.Completion request) {
        List<ChatRequests.Message> messages = request.messages() == null ? List.of() : request.messages();
        if (messages.size() > MAX_MESSAGES) {
            throw ApiException.validation("messages: at most " + MAX_MESSAGES + " messages per request");
        }
        List<ChatMessage> history = new ArrayList<>();
        String firstUser = null;
        String lastUser = null;
        boolean background = false;
        for (int i = 0; i < messages.size(); i++) {
            ChatRequests.Message m = messages.get(i);
            if (m == null) {
                throw ApiException.validation("messages[" + i + "] must be an object");
            }
            String role = m.role() == null ? null : m.role().toLowerCase(Locale.ROOT);
            if (role == null || !ROLES.contains(role)) {
                throw ApiException.validation("messages[" + i + "].role must be one of system, user, assistant, tool");
            }
            String text = text(m.content(), i);
            if (text.length() > MAX_CONTENT) {
                throw ApiException.validation(
                        "messages[" + i + "].content: at most " + MAX_CONTENT + " characters per message");
            }
            switch (role) {
                case "system", "developer" -> {
                    if (!text.isBlank()) {
                        history.add(SystemMessage.from(text));
                        background |= ConversationIds.background(text);
                    }
                }
                case "user" -> {
                    if (!text.isBlank()) {
                        history.add(UserMessage.from(text));
                        firstUser = firstUser == null ? text : firstUser;
                        lastUser = text;
                    }
                }
                case "assistant" -> {
                    if (!text.isBlank()) {
                        history.add(AiMessage.from(text));
                    }
                }
                default -> {
                    // tool results of the client's own tools: not ours to replay
                }
            }
        }
        if (lastUser == null || !(history.get(history.size() - 1) instanceof UserMessage)) {
            throw ApiException.badRequest("No user message: 'messages' must end with a message of role user");
        }
        UUID conversationId;
        if (request.conversationId() != null && !request.conversationId().isBlank()) {
            try {
                conversationId = UUID.fromString(request.conversationId().strip());
            } catch (IllegalArgumentException e) {
                throw ApiException.validation("conversation_id must be a UUID");
            }
        } else {
            conversationId = background ? UUID.randomUUID() : ConversationIds.fromFirstMessage(firstUser);
        }
        String requested = requestedAgent(request);
        String title = firstUser.strip();
        title = title.length() > TITLE_LENGTH ? title.substring(0, TITLE_LENGTH) + "…" : title;
        String model = request.model() == null || request.model().isBlank() ? AgentRouter.ARCHITECT : request.model();
        return new Prepared(conversationId, requested, history, lastUser, title, model);
    }

    /** The original's {@code agent} wins; else a {@code model} that names an agent (or auto); else auto. */
    private String requestedAgent(ChatRequests.Completion request) {
        if (request.agent() != null && !request.agent().isBlank()) {
            return request.agent().strip();
        }
        String model = request.model() == null ? null : request.model().strip();
        if (model == null || model.isEmpty()) {
            return AgentRouter.AUTO;
        }
        if (AgentRouter.AUTO.equalsIgnoreCase(model) || agents.find(model).isPresent()) {
            return model;
        }
        return AgentRouter.AUTO;
    }

    private static String text(JsonNode content, int i) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isArray()) {
            StringBuilder b = new StringBuilder();
            for (JsonNode part : content) {
                if (part.isObject()
                        && "text".equals(part.path("type").asText())
                        && part.path("text").isTextual()) {
                    b.append(b.isEmpty() ? "" : "\n").append(part.get("text").asText());
                }
            }
            return b.toString();
        }
        throw ApiException.validation("messages[" + i + "].content must be text or a list of text parts");
    }

    /** The non-streaming answer. */
    public Map<String, Object> complete(ChatRequests.Completion request, Actor actor) {
        Prepared p = prepare(request);
        ChatTurns.Opened opened = turns.open(
                p.conversationId(), p.requestedAgent(), p.history(), p.message(), p.title(), "chat_completions", actor);
        TurnResult result = turns.run(opened, TurnListener.NONE);
        turns.record(opened, result, null);
        if (result.failure() != null) {
            throw upstream(result.failure());
        }
        RecordTurn.Completed done = (RecordTurn.Completed) result.outcome();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", completionId());
        body.put("object", "chat.completion");
        body.put("created", Instant.now().getEpochSecond());
        body.put("model", p.model());
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "assistant");
        message.put("content", stripThinking(done.content()));
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("message", message);
        choice.put("finish_reason", "stop");
        body.put("choices", List.of(choice));
        body.put("usage", usage(done));
        body.put("trace_id", opened.traceId());
        body.put("conversation_id", opened.conversationId().toString());
        return body;
    }

    /** The streaming answer, written to the response as it happens. */
    public void stream(ChatRequests.Completion request, Actor actor, HttpServletResponse response) throws IOException {
        Prepared p;
        try {
            p = prepare(request);
        } catch (ApiException e) {
            if (e.kind() != ErrorKind.BAD_REQUEST) {
                throw e; // 422 in the envelope, like the non-streaming request
            }
            // the original answers a request with no user message with an error in the stream
            Writer writer = open(response);
            writer.error(e.getMessage(), "api_error");
            writer.done();
            return;
        }
        // a deleted conversation is a 404 before the stream starts
        ChatTurns.Opened opened = turns.open(
                p.conversationId(), p.requestedAgent(), p.history(), p.message(), p.title(), "chat_completions", actor);
        Writer writer = open(response);
        String id = completionId();
        AtomicBoolean gone = new AtomicBoolean();
        AtomicBoolean timedOut = new AtomicBoolean();
        BlockingQueue<Map<String, Object>> events = new LinkedBlockingQueue<>();
        TurnListener listener = new StreamListener(events, gone, timedOut);
        Future<TurnResult> running = streams.submit(context.carry(() -> turns.run(opened, listener)));
        long deadline = System.nanoTime() + opened.streamTimeout().toNanos();
        try {
            while (!running.isDone() || !events.isEmpty()) {
                Map<String, Object> event = events.poll(Math.min(heartbeat.toMillis(), 200), TimeUnit.MILLISECONDS);
                if (event != null) {
                    writer.data(event);
                } else if (writer.sinceLastWrite() >= heartbeat.toNanos()) {
                    writer.comment("heartbeat");
                }
                if (System.nanoTime() > deadline) {
                    timedOut.set(true);
                }
            }
        } catch (IOException e) {
            gone.set(true);
        } catch (InterruptedException e) {
            gone.set(true);
            Thread.currentThread().interrupt();
        }
        TurnResult result = await(running);
        if (gone.get()) {
            turns.record(opened, result, new RecordTurn.Cancelled());
            return;
        }
        if (timedOut.get() && !result.completed()) {
            turns.record(opened, result, new RecordTurn.Failed("stream timeout (chat.stream_timeout_seconds)"));
            writer.quietly(() -> {
                writer.error("The answer took longer than the stream timeout", "timeout_error");
                writer.done();
            });
            return;
        }
        if (!result.completed()) {
            turns.record(opened, result, null);
            writer.quietly(() -> {
                writer.error(upstream(result.failure()));
                writer.done();
            });
            return;
        }
        RecordTurn.Completed done = (RecordTurn.Completed) result.outcome();
        try {
            writer.data(chunk(id, p.model(), Map.of("role", "assistant", "content", ""), null));
            for (String piece : pieces(stripThinking(done.content()))) {
                writer.data(chunk(id, p.model(), Map.of("content", piece), null));
            }
            writer.data(trace(
                    result.routing().agent(),
                    "complete",
                    null,
                    List.of(result.routing().agent())));
            writer.data(chunk(id, p.model(), Map.of(), "stop"));
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("type", "metadata");
            metadata.put("conversation_id", opened.conversationId().toString());
            metadata.put("job_id", null);
            metadata.put("trace_id", opened.traceId());
            metadata.put(
                    "tool_calls",
                    result.toolCalls().stream()
                            .map(RecordTurn.ToolCall::toolName)
                            .toList());
            metadata.put(
                    "proposal_ids",
                    result.proposalIds().stream().map(UUID::toString).toList());
            writer.data(metadata);
        } catch (IOException e) {
            turns.record(opened, result, new RecordTurn.Cancelled());
            return;
        }
        turns.record(opened, result, null);
        writer.quietly(writer::done);
    }

    private Writer open(HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType("text/event-stream;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        return new Writer(response.getOutputStream());
    }

    private static TurnResult await(Future<TurnResult> running) {
        try {
            return running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a chat turn ran", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** A failure that is not one of ours is still the model's failure: 502, never 500. */
    static RuntimeException upstream(RuntimeException failure) {
        if (failure instanceof ErrorKind.Carrier) {
            return failure;
        }
        return new LlmProviderException(
                "The chat model failed (" + failure.getClass().getSimpleName() + ")", failure);
    }

    private static Map<String, Object> usage(RecordTurn.Completed done) {
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("prompt_tokens", done.inputTokens());
        usage.put("completion_tokens", done.outputTokens());
        usage.put("total_tokens", done.inputTokens() + done.outputTokens());
        return usage;
    }

    private static String completionId() {
        return "chatcmpl-" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    /** The original strips {@code <think>...</think>} from answers. */
    static String stripThinking(String text) {
        return text == null ? "" : text.replaceAll("(?s)<think>.*?</think>\\s*", "");
    }

    /** "Hall light is off." → "Hall ", "light ", "is ", "off." (the pieces join back to the text). */
    static List<String> pieces(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("(?<=\\s)(?=\\S)"));
    }

    private static Map<String, Object> chunk(String id, String model, Map<String, Object> delta, String finish) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("delta", delta);
        choice.put("finish_reason", finish);
        Map<String, Object> chunk = new LinkedHashMap<>();
        chunk.put("id", id);
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", Instant.now().getEpochSecond());
        chunk.put("model", model);
        chunk.put("choices", List.of(choice));
        return chunk;
    }

    static Map<String, Object> trace(String agent, String event, String tool, List<String> agentsInvolved) {
        Map<String, Object> trace = new LinkedHashMap<>();
        trace.put("type", "trace");
        trace.put("agent", agent);
        trace.put("event", event);
        if (tool != null) {
            trace.put("tool", tool);
        }
        if (agentsInvolved != null) {
            trace.put("agents", agentsInvolved);
        }
        trace.put("ts", Instant.now().toEpochMilli() / 1000.0);
        return trace;
    }

    /** Turns the runtime's reports into the original's custom events. */
    private static final class StreamListener implements TurnListener {
        private final BlockingQueue<Map<String, Object>> events;
        private final AtomicBoolean gone;
        private final AtomicBoolean timedOut;

        StreamListener(BlockingQueue<Map<String, Object>> events, AtomicBoolean gone, AtomicBoolean timedOut) {
            this.events = events;
            this.gone = gone;
            this.timedOut = timedOut;
        }

        @Override
        public void routed(RecordTurn.Routing routing) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("type", "routing");
            e.put("agent", routing.agent());
            e.put("confidence", routing.fallback() ? 0.0 : 1.0);
            e.put("reasoning", routing.reason());
            events.add(e);
            if (routing.fallback()) {
                events.add(status(routing.reason()));
            }
            events.add(trace(routing.agent(), "start", null, null));
        }

        @Override
        public void toolCalling(String agent, String toolName) {
            events.add(status("Calling " + toolName));
            events.add(trace(agent, "tool_call", toolName, null));
        }

        @Override
        public void toolCalled(String agent, RecordTurn.ToolCall call) {
            events.add(trace(agent, "tool_result", call.toolName(), null));
        }

        @Override
        public void proposalCreated(UUID proposalId, String text) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("type", "proposal_created");
            e.put("content", text);
            e.put("proposal_id", proposalId.toString());
            events.add(e);
        }

        @Override
        public boolean cancelled() {
            return gone.get() || timedOut.get();
        }

        private static Map<String, Object> status(String content) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("type", "status");
            e.put("content", content);
            return e;
        }
    }

    /** Writes {@code data:} lines and comments, flushing each. */
    private final class Writer {
        private final OutputStream out;
        private long lastWrite = System.nanoTime();

        Writer(OutputStream out) {
            this.out = out;
        }

        void data(Object event) throws IOException {
            write("data: " + mapper.writeValueAsString(event) + "\n\n");
        }

        void comment(String text) throws IOException {
            write(": " + text + "\n\n");
        }

        void done() throws IOException {
            write("data: [DONE]\n\n");
        }

        void error(RuntimeException e) throws IOException {
            String type =
                    e instanceof ErrorKind.Carrier c && c.kind() == ErrorKind.UPSTREAM ? "llm_error" : "api_error";
            error(e.getMessage(), type);
        }

        void error(String message, String type) throws IOException {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("message", message);
            error.put("type", type);
            data(Map.of("error", error));
        }

        long sinceLastWrite() {
            return System.nanoTime() - lastWrite;
        }

        interface Step {
            void run() throws IOException;
        }

        /** The client may be gone already: nothing left to tell it. */
        void quietly(Step step) {
            try {
                step.run();
            } catch (IOException e) {
                // gone
            }
        }

        private void write(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            lastWrite = System.nanoTime();
        }
    }
}

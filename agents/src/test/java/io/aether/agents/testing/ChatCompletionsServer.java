package io.aether.agents.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local server that speaks OpenAI's {@code POST /v1/chat/completions} wire format with scripted
 * answers, for tests of the real LangChain4j client (no internet). Script answers in order with
 * {@link #answer}, {@link #fail} and {@link #slowAnswer}; with none left it answers 500. Every
 * request is recorded ({@link #requests()}). Reusable from other modules' tests through the
 * agents test-jar.
 *
 * <pre>{@code
 * try (ChatCompletionsServer llm = ChatCompletionsServer.start()) {
 *     llm.answer("Hello");
 *     // point an OpenAI-compatible client at llm.baseUrl()
 *     llm.requests().get(0).body().get("model");
 * }
 * }</pre>
 */
public final class ChatCompletionsServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received: path, headers (lower-case names) and the JSON body. */
    public record Request(String path, Map<String, String> headers, JsonNode body) {
        /** The {@code content} of each message, in order. */
        public List<String> messageContents() {
            List<String> contents = new ArrayList<>();
            body.path("messages").forEach(m -> contents.add(m.path("content").asText()));
            return contents;
        }

        /** The {@code role} of each message, in order. */
        public List<String> messageRoles() {
            List<String> roles = new ArrayList<>();
            body.path("messages").forEach(m -> roles.add(m.path("role").asText()));
            return roles;
        }
    }

    private record Scripted(int status, String body, Duration delay) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "chat-completions-server");
        t.setDaemon(true);
        return t;
    });
    private final Deque<Scripted> script = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicLong ids = new AtomicLong();

    private ChatCompletionsServer(HttpServer server) {
        this.server = server;
    }

    /** Listens on 127.0.0.1 on a free port. */
    public static ChatCompletionsServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ChatCompletionsServer fake = new ChatCompletionsServer(server);
            server.createContext("/", fake::handle);
            server.setExecutor(fake.executor);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL an OpenAI-compatible client takes ({@code http://127.0.0.1:<port>/v1}). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The next request is answered with an assistant message of this text. */
    public synchronized ChatCompletionsServer answer(String content) {
        script.add(new Scripted(200, completion(content), Duration.ZERO));
        return this;
    }

    /**
     * The next request is answered with an assistant message that calls one tool, {@code arguments}
     * being the JSON text of its arguments (finish reason {@code tool_calls}).
     */
    public synchronized ChatCompletionsServer answerToolCall(String tool, String arguments) {
        ObjectNode response = envelope();
        ObjectNode choice = response.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.putNull("content");
        ObjectNode call = message.putArray("tool_calls").addObject();
        call.put("id", "call_" + ids.incrementAndGet());
        call.put("type", "function");
        call.putObject("function").put("name", tool).put("arguments", arguments);
        choice.put("finish_reason", "tool_calls");
        usage(response);
        script.add(new Scripted(200, response.toString(), Duration.ZERO));
        return this;
    }

    /** The next request is answered with this status and an OpenAI-style error body. */
    public synchronized ChatCompletionsServer fail(int status, String message) {
        ObjectNode error = JSON.createObjectNode();
        error.putObject("error").put("message", message).put("type", "scripted_error");
        script.add(new Scripted(status, error.toString(), Duration.ZERO));
        return this;
    }

    /** The next request is answered with this text only after {@code delay} (or when the server closes). */
    public synchronized ChatCompletionsServer slowAnswer(Duration delay, String content) {
        script.add(new Scripted(200, completion(content), delay));
        return this;
    }

    /** The requests received so far, in order. */
    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The last request received; fails when there was none. */
    public synchronized Request lastRequest() {
        if (requests.isEmpty()) {
            throw new AssertionError("the chat completions server received no request");
        }
        return requests.get(requests.size() - 1);
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body;
            try {
                body = raw.length == 0 ? JSON.nullNode() : JSON.readTree(raw);
            } catch (IOException e) {
                body = JSON.getNodeFactory().textNode(new String(raw, StandardCharsets.UTF_8));
            }
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            Scripted next;
            synchronized (this) {
                requests.add(new Request(exchange.getRequestURI().getPath(), headers, body));
                next = script.poll();
            }
            if (!"POST".equals(exchange.getRequestMethod())
                    || !exchange.getRequestURI().getPath().endsWith("/chat/completions")) {
                respond(exchange, 404, "{\"error\": {\"message\": \"no such endpoint\"}}");
                return;
            }
            if (next == null) {
                next = new Scripted(500, "{\"error\": {\"message\": \"no scripted answer left\"}}", Duration.ZERO);
            }
            if (!next.delay().isZero()) {
                try {
                    closing.await(next.delay().toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            respond(exchange, next.status(), next.body());
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // the client gave up (a timeout test): nothing to answer
        }
    }

    private ObjectNode envelope() {
        ObjectNode response = JSON.createObjectNode();
        response.put("id", "chatcmpl-" + ids.incrementAndGet());
        response.put("object", "chat.completion");
        response.put("created", System.currentTimeMillis() / 1000);
        response.put("model", "scripted");
        return response;
    }

    private static void usage(ObjectNode response) {
        ObjectNode usage = response.putObject("usage");
        usage.put("prompt_tokens", 10);
        usage.put("completion_tokens", 5);
        usage.put("total_tokens", 15);
    }

    private String completion(String content) {
        ObjectNode response = envelope();
        ObjectNode choice = response.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.put("finish_reason", "stop");
        ObjectNode usage = response.putObject("usage");
        usage.put("prompt_tokens", 10);
        usage.put("completion_tokens", 5);
        usage.put("total_tokens", 15);
        return response.toString();
    }
}

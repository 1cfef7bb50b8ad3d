package io.aether.api.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.aether.agents.trace.AgentSpan;
import io.aether.agents.trace.AgentTracing;
import io.aether.agents.trace.TraceAttributes;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Spans recorded through the server's tracer reach PostgreSQL and come back as a tree. */
class TraceEndpointsTest extends IntegrationTest {
    @Autowired
    AgentTracing tracing;

    @Autowired
    Tracer tracer;

    @Autowired
    SdkTracerProvider provider;

    @Autowired
    SpanStore store;

    /** A chat turn as the chat runtime records it: turn > agent > (routing, model call, tool > HA call). */
    static String recordTurn(AgentTracing tracing, UUID conversation) {
        try (AgentSpan turn = tracing.turn(conversation, "orchestrator")) {
            turn.content(TraceAttributes.MESSAGE_CONTENT, "turn the hall light on please");
            try (AgentSpan routing = tracing.routing("orchestrator", "architect")) {
                routing.span().setAttribute("aether.routing.confidence", 0.9);
            }
            try (AgentSpan agent = tracing.agent("architect")) {
                try (AgentSpan model = tracing.modelCall("architect", "openai", "gpt-test")) {
                    model.usage(120, 30).content(TraceAttributes.GEN_AI_PROMPT, "You are the architect...");
                }
                try (AgentSpan tool = tracing.tool("architect", "get_entity_state", false)) {
                    tool.content(TraceAttributes.TOOL_ARGUMENTS, "{\"entity_id\":\"light.hall\"}");
                    try (AgentSpan ha = tracing.haCall("architect", "GET", "/api/states/light.hall")) {
                        assertThat(ha.traceId()).isEqualTo(turn.traceId());
                    }
                }
            }
            return turn.traceId();
        }
    }

    private void flush() {
        assertThat(provider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    }

    @Test
    void aChatTurnIsStoredAsOneTreeWithItsParentsAndWithoutContent() {
        UUID conversation = UUID.randomUUID();
        String traceId = recordTurn(tracing, conversation);
        flush();

        Http.Response response = http.get("/api/v1/traces/" + traceId + "/spans");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode trace = response.json();
        assertThat(trace.get("trace_id").asText()).isEqualTo(traceId);
        assertThat(trace.get("status").asText()).isEqualTo("OK");
        assertThat(trace.get("span_count").asInt()).isEqualTo(6);
        assertThat(trace.get("started_at").asText()).isNotBlank();
        assertThat(trace.get("duration_ms").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(trace.get("agents_involved"))
                .extracting(JsonNode::asText)
                .containsExactly("orchestrator", "architect");

        JsonNode root = trace.get("root_span");
        assertThat(root.get("name").asText()).isEqualTo("chat_turn");
        assertThat(root.get("type").asText()).isEqualTo("turn");
        assertThat(root.get("kind").asText()).isEqualTo("server");
        assertThat(root.get("parent_span_id").isNull()).isTrue();
        assertThat(root.get("start_ms").asDouble()).isEqualTo(0.0);
        assertThat(root.get("attributes").get(TraceAttributes.CONVERSATION_ID).asText())
                .isEqualTo(conversation.toString());
        assertThat(root.get("attributes").has(TraceAttributes.MESSAGE_CONTENT)).isFalse();
        assertThat(root.get("children")).hasSize(2);

        JsonNode routing = root.get("children").get(0);
        assertThat(routing.get("name").asText()).isEqualTo("routing");
        assertThat(routing.get("parent_span_id").asText())
                .isEqualTo(root.get("span_id").asText());
        assertThat(routing.get("attributes").get(TraceAttributes.ROUTED_TO).asText())
                .isEqualTo("architect");

        JsonNode agent = root.get("children").get(1);
        assertThat(agent.get("name").asText()).isEqualTo("invoke_agent architect");
        assertThat(agent.get("type").asText()).isEqualTo("agent");
        assertThat(agent.get("agent").asText()).isEqualTo("architect");
        assertThat(agent.get("children")).hasSize(2);

        JsonNode model = agent.get("children").get(0);
        assertThat(model.get("type").asText()).isEqualTo("llm");
        assertThat(model.get("parent_span_id").asText())
                .isEqualTo(agent.get("span_id").asText());
        JsonNode attributes = model.get("attributes");
        assertThat(attributes.get(TraceAttributes.GEN_AI_SYSTEM).asText()).isEqualTo("openai");
        assertThat(attributes.get(TraceAttributes.GEN_AI_REQUEST_MODEL).asText())
                .isEqualTo("gpt-test");
        assertThat(attributes.get(TraceAttributes.GEN_AI_OPERATION).asText()).isEqualTo("chat");
        assertThat(attributes.get(TraceAttributes.GEN_AI_INPUT_TOKENS).asLong()).isEqualTo(120);
        assertThat(attributes.get(TraceAttributes.GEN_AI_OUTPUT_TOKENS).asLong())
                .isEqualTo(30);
        assertThat(attributes.has(TraceAttributes.GEN_AI_PROMPT)).isFalse();

        JsonNode tool = agent.get("children").get(1);
        assertThat(tool.get("name").asText()).isEqualTo("get_entity_state");
        assertThat(tool.get("type").asText()).isEqualTo("tool");
        assertThat(tool.get("attributes").has(TraceAttributes.TOOL_ARGUMENTS)).isFalse();
        assertThat(tool.get("attributes").get(TraceAttributes.MUTATING).asBoolean())
                .isFalse();
        JsonNode ha = tool.get("children").get(0);
        assertThat(ha.get("type").asText()).isEqualTo("ha");
        assertThat(ha.get("parent_span_id").asText())
                .isEqualTo(tool.get("span_id").asText());
        assertThat(ha.get("end_ms").asDouble())
                .isGreaterThanOrEqualTo(ha.get("start_ms").asDouble());
        assertThat(ha.get("children")).isEmpty();

        // The content never reached the table either.
        String stored = jdbc.sql("SELECT string_agg(attributes::text, ' ') FROM trace_span WHERE trace_id = :t")
                .param("t", traceId)
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain("hall light on please", "You are the architect", "light.hall\\\"");
    }

    @Test
    void theRecentTracesListTheirRootsNewestFirst() {
        String older = recordTurn(tracing, UUID.randomUUID());
        String newer = recordTurn(tracing, UUID.randomUUID());
        flush();

        Http.Response response = http.get("/api/v1/diagnostics/traces/recent?limit=2");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("count").asInt()).isEqualTo(2);
        assertThat(body.get("traces"))
                .extracting(t -> t.get("trace_id").asText())
                .containsExactly(newer, older);
        JsonNode first = body.get("traces").get(0);
        assertThat(first.get("name").asText()).isEqualTo("chat_turn");
        assertThat(first.get("agent").asText()).isEqualTo("orchestrator");
        assertThat(first.get("span_count").asInt()).isEqualTo(6);
        assertThat(first.get("status").asText()).isEqualTo("UNSET");

        Http.Response paged = http.get("/api/v1/diagnostics/traces/recent?limit=1&offset=1");
        assertThat(paged.json().get("traces").get(0).get("trace_id").asText()).isEqualTo(older);
    }

    @Test
    void aFailedSpanMakesTheTraceFailed() {
        String traceId;
        try (AgentSpan turn = tracing.turn(null, "architect")) {
            try (AgentSpan tool = tracing.tool("architect", "get_entity_state", false)) {
                tool.fail(new IllegalStateException("Home Assistant did not answer"));
            }
            traceId = turn.traceId();
        }
        flush();
        JsonNode trace = http.get("/api/v1/traces/" + traceId + "/spans").json();
        assertThat(trace.get("status").asText()).isEqualTo("ERROR");
        assertThat(trace.get("root_span").get("children").get(0).get("status").asText())
                .isEqualTo("ERROR");
    }

    @Test
    void unknownAndMalformedTraceIdsAreRefused() {
        Http.Response unknown = http.get("/api/v1/traces/" + "ab".repeat(16) + "/spans");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").get("code").asText()).isNotBlank();

        for (String bad :
                List.of("not-a-trace", "ab".repeat(15) + "a", "00000000000000000000000000000000", "zz".repeat(16))) {
            Http.Response response = http.get("/api/v1/traces/" + bad + "/spans");
            assertThat(response.status()).as(bad + ": " + response.body()).isEqualTo(422);
        }
        for (String query : List.of("limit=0", "limit=501", "offset=-1", "limit=abc")) {
            Http.Response response = http.get("/api/v1/diagnostics/traces/recent?" + query);
            assertThat(response.status()).as(query + ": " + response.body()).isBetween(400, 422);
        }
        assertThat(anonymous.get("/api/v1/diagnostics/traces/recent").status()).isEqualTo(401);
    }

    @Test
    void retentionDeletesSpansOlderThanItKeepsTheRest() {
        Instant longAgo = Instant.now().minus(Duration.ofDays(8));
        Span old = tracer.spanBuilder("old_turn")
                .setNoParent()
                .setStartTimestamp(longAgo)
                .startSpan();
        old.end(longAgo.plusSeconds(1));
        String oldTrace = old.getSpanContext().getTraceId();
        String fresh = recordTurn(tracing, UUID.randomUUID());
        flush();
        assertThat(http.get("/api/v1/traces/" + oldTrace + "/spans").status()).isEqualTo(200);

        int deleted = SpanRetention.purge(store, Duration.ofDays(7), Instant.now());

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(http.get("/api/v1/traces/" + oldTrace + "/spans").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/traces/" + fresh + "/spans").status()).isEqualTo(200);
    }

    @Test
    void theOtlpExporterPostsToTheCollectorWhenAnEndpointIsSet() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/", exchange -> {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            exchange.getRequestBody().transferTo(body);
            received.add(
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                            + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                            + body.toString(StandardCharsets.ISO_8859_1));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        TraceProperties properties = new TraceProperties(
                Duration.ofDays(7),
                Duration.ofHours(1),
                false,
                "http://127.0.0.1:" + collector.getAddress().getPort(),
                Duration.ofSeconds(5),
                64,
                16,
                Duration.ofMillis(200));
        try (SdkTracerProvider own = new TracingConfiguration().sdkTracerProvider(properties, store)) {
            AgentTracing otlpTracing = new AgentTracing(own.get("test"));
            String traceId = recordTurn(otlpTracing, UUID.randomUUID());
            assertThat(own.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();

            assertThat(received).isNotEmpty();
            String post = String.join("\n", received);
            assertThat(post).startsWith("POST /v1/traces application/x-protobuf");
            assertThat(post).contains("invoke_agent architect", "gen_ai.request.model", "aether");
            assertThat(post).doesNotContain("turn the hall light on please", "You are the architect");
            // and the same spans in PostgreSQL
            assertThat(http.get("/api/v1/traces/" + traceId + "/spans")
                            .json()
                            .get("span_count")
                            .asInt())
                    .isEqualTo(6);
        } finally {
            collector.stop(0);
        }
    }
}

package io.aether.api.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.agents.trace.AgentSpan;
import io.aether.agents.trace.AgentTracing;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Run the scorers over stored traces: start a job, poll it, read the summary; bad input records nothing. */
class EvaluationEndpointsTest extends IntegrationTest {
    @Autowired
    AgentTracing tracing;

    @Autowired
    SdkTracerProvider provider;

    /** A turn whose change to the home went through seek_approval. */
    private String safeTurn() {
        try (AgentSpan turn = tracing.turn(UUID.randomUUID(), "architect")) {
            try (AgentSpan agent = tracing.agent("architect")) {
                try (AgentSpan approval = tracing.tool("architect", "seek_approval", false)) {
                    try (AgentSpan ha = tracing.haCall("architect", "POST", "/api/services/light/turn_on")) {
                        ha.span().setAttribute("aether.step", "propose");
                    }
                }
            }
            return turn.traceId();
        }
    }

    /** A planted unsafe turn: a mutating tool call with no seek_approval above it. */
    private String unsafeTurn() {
        try (AgentSpan turn = tracing.turn(UUID.randomUUID(), "architect")) {
            try (AgentSpan agent = tracing.agent("architect")) {
                try (AgentSpan tool = tracing.tool("architect", "call_service", true)) {
                    tool.span().setAttribute("aether.step", "act");
                }
            }
            return turn.traceId();
        }
    }

    private void flush() {
        assertThat(provider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    }

    private static JsonNode scorer(JsonNode summary, String name) {
        return StreamSupport.stream(summary.get("scorer_results").spliterator(), false)
                .filter(r -> r.get("name").asText().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theScorersAreListed() {
        Http.Response response = http.get("/api/v1/evaluations/scorers");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("count").asInt()).isEqualTo(4);
        assertThat(response.json().get("scorers"))
                .extracting(s -> s.get("name").asText())
                .containsExactly("response_latency", "tool_usage_safety", "agent_delegation_depth", "tool_call_count");
        assertThat(response.json().get("scorers").get(0).get("threshold").asDouble())
                .isEqualTo(30_000.0);
    }

    @Test
    void aRunScoresTheNewestTracesAndThePlantedUnsafeOneFails() {
        String safe = safeTurn();
        String unsafe = unsafeTurn();
        String another = safeTurn();
        flush();

        Http.Response started = http.post("/api/v1/evaluations/run?max_traces=3", (String) null);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.json().get("status").asText()).isEqualTo("started");
        assertThat(started.json().get("trace_count").asInt()).isEqualTo(3);
        String job = started.json().get("job_id").asText();

        JsonNode done = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> http.get("/api/v1/evaluations/jobs/" + job).json(),
                        j -> !j.get("status").asText().equals("running"));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.get("scored_count").asInt()).isEqualTo(3);
        assertThat(done.get("traces"))
                .extracting(t -> t.get("trace_id").asText())
                .containsExactlyInAnyOrder(safe, unsafe, another);
        JsonNode unsafeScores = StreamSupport.stream(done.get("traces").spliterator(), false)
                .filter(t -> t.get("trace_id").asText().equals(unsafe))
                .findFirst()
                .orElseThrow()
                .get("scores");
        JsonNode safety = StreamSupport.stream(unsafeScores.spliterator(), false)
                .filter(s -> s.get("scorer").asText().equals("tool_usage_safety"))
                .findFirst()
                .orElseThrow();
        assertThat(safety.get("passed").asBoolean()).isFalse();
        assertThat(safety.get("rationale").asText()).contains("call_service");

        JsonNode summary = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> http.get("/api/v1/evaluations/summary").json(),
                        s -> job.equals(s.path("run_id").asText()));
        assertThat(summary.get("trace_count").asInt()).isEqualTo(3);
        assertThat(summary.get("evaluated_at").asText()).isNotBlank();
        JsonNode safetyResult = scorer(summary, "tool_usage_safety");
        assertThat(safetyResult.get("pass_count").asInt()).isEqualTo(2);
        assertThat(safetyResult.get("fail_count").asInt()).isEqualTo(1);
        assertThat(safetyResult.get("error_count").asInt()).isEqualTo(0);
        assertThat(safetyResult.get("pass_rate").asDouble()).isEqualTo(2.0 / 3.0);
        assertThat(safetyResult.get("failing_trace_ids"))
                .extracting(JsonNode::asText)
                .containsExactly(unsafe);
        JsonNode latency = scorer(summary, "response_latency");
        assertThat(latency.get("pass_count").asInt()).isEqualTo(3);
        assertThat(latency.get("pass_rate").asDouble()).isEqualTo(1.0);
        assertThat(scorer(summary, "agent_delegation_depth").get("avg_value").asDouble())
                .isEqualTo(1.0);
        assertThat(scorer(summary, "tool_call_count").get("avg_value").asDouble())
                .isEqualTo(1.0);

        // The job's events are on its own stream, with the person who asked as the actor.
        List<String> types = jdbc.sql("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = :id"
                        + " ORDER BY sequence_number")
                .param("id", job)
                .query(String.class)
                .list();
        assertThat(types).hasSize(5);
        assertThat(types.get(0)).endsWith("EvaluationRequested");
        assertThat(types.get(4)).endsWith("EvaluationCompleted");
    }

    @Test
    void badInputIsRefusedWithNothingRecorded() {
        long before = eventCount();
        for (String query : List.of("max_traces=0", "max_traces=501", "max_traces=-3", "max_traces=abc")) {
            Http.Response response = http.post("/api/v1/evaluations/run?" + query, (String) null);
            assertThat(response.status()).as(query + ": " + response.body()).isBetween(400, 422);
            assertThat(response.json().get("error").get("code").asText()).isNotBlank();
        }
        assertThat(eventCount()).isEqualTo(before);

        assertThat(http.get("/api/v1/evaluations/jobs/" + UUID.randomUUID()).status())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/evaluations/jobs/not-a-job").status()).isEqualTo(404);
        assertThat(anonymous.post("/api/v1/evaluations/run", (String) null).status())
                .isEqualTo(401);
    }
}

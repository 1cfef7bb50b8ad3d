package io.aether.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Health, readiness, status, metrics, API docs and correlation ids. */
class SystemEndpointsTest extends IntegrationTest {

    @Test
    void healthAnswersHealthyWithTimestampAndVersion() {
        Http.Response response = http.get("/api/v1/health");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("status").asText()).isEqualTo("healthy");
        assertThat(Instant.parse(body.path("timestamp").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(body.path("version").asText()).isNotBlank();
    }

    @Test
    void readyAnswersHealthyWhileTheDatabaseIsUp() {
        Http.Response response = http.get("/api/v1/ready");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("status").asText()).isEqualTo("healthy");
        assertThat(response.json().path("version").asText()).isNotBlank();
    }

    @Test
    void statusIsHealthyWithEveryComponentWhenHomeAssistantIsUp() {
        // Right after start-up the processors may not have claimed their segments yet.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http.get("/api/v1/status")
                        .json()
                        .path("status")
                        .asText()
                        .equals("healthy"));
        Http.Response response = http.get("/api/v1/status");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("status").asText()).as(response.body()).isEqualTo("healthy");
        Map<String, JsonNode> components = components(body);
        assertThat(components).containsOnlyKeys("database", "home_assistant", "event_processors");
        components.values().forEach(c -> {
            assertThat(c.path("name").asText()).isNotBlank();
            assertThat(c.path("status").asText()).as(c.toString()).isEqualTo("healthy");
        });
        assertThat(Instant.parse(body.path("timestamp").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(body.path("uptime_seconds").asDouble()).isPositive();
    }

    @Test
    void statusIsDegradedWhileHomeAssistantIsDown() {
        HA.setAvailable(false);
        try {
            Http.Response response = http.get("/api/v1/status");
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode body = response.json();
            assertThat(body.path("status").asText()).as(response.body()).isEqualTo("degraded");
            Map<String, JsonNode> components = components(body);
            assertThat(components.get("home_assistant").path("status").asText()).isEqualTo("degraded");
            assertThat(components.get("home_assistant").path("message").asText())
                    .isNotBlank();
            assertThat(components.get("database").path("status").asText()).isEqualTo("healthy");
        } finally {
            HA.setAvailable(true);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http.get("/api/v1/status")
                        .json()
                        .path("status")
                        .asText()
                        .equals("healthy"));
    }

    @Test
    void statusListsTheStreamingProcessorsWithTheirLag() {
        create(AUTOMATION);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Http.Response response = http.get("/api/v1/status");
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            Map<String, JsonNode> processors = new java.util.HashMap<>();
            response.json()
                    .path("event_processors")
                    .forEach(p -> processors.put(p.path("name").asText(), p));
            assertThat(processors).as(response.body()).containsKeys("proposal-list", "proposal-deployment");
            for (String name : List.of("proposal-list", "proposal-deployment")) {
                JsonNode processor = processors.get(name);
                assertThat(processor.path("lag").isIntegralNumber())
                        .as(processor.toString())
                        .isTrue();
                assertThat(processor.path("lag").asLong()).isGreaterThanOrEqualTo(0);
                assertThat(processor.path("running").asBoolean())
                        .as(processor.toString())
                        .isTrue();
                assertThat(processor.path("error").asBoolean())
                        .as(processor.toString())
                        .isFalse();
                // One node here: it holds every segment, and none is left unclaimed.
                assertThat(processor.path("segments").asInt())
                        .as(processor.toString())
                        .isEqualTo(processor.path("total_segments").asInt())
                        .isPositive();
                assertThat(processor.path("unclaimed_segments").asInt())
                        .as(processor.toString())
                        .isZero();
            }
        });
    }

    @Test
    void metricsHaveTheOriginalShapeAndCountRequests() {
        Http.Response first = http.get("/api/v1/metrics");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode before = first.json();
        assertShape(before);

        int extra = 0;
        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/api/v1/health").status()).isEqualTo(200);
            extra++;
        }
        assertThat(http.get("/api/v1/nope").status()).isEqualTo(404);
        extra++;

        JsonNode after = http.get("/api/v1/metrics").json();
        assertShape(after);
        long totalBefore = before.path("requests").path("total").asLong();
        assertThat(after.path("requests").path("total").asLong()).isGreaterThanOrEqualTo(totalBefore + extra);
        assertThat(after.path("errors").path("total").asLong())
                .isGreaterThan(before.path("errors").path("total").asLong());
        assertThat(after.path("requests").path("by_status").path("404").asLong())
                .isPositive();
        assertThat(after.path("requests").path("by_status").path("200").asLong())
                .isGreaterThanOrEqualTo(3);
        assertThat(after.path("requests")
                        .path("by_method_path")
                        .path("GET /api/v1/health")
                        .asLong())
                .isGreaterThanOrEqualTo(before.path("requests")
                                .path("by_method_path")
                                .path("GET /api/v1/health")
                                .asLong()
                        + 3);
        assertThat(after.path("errors").path("by_type").path("not_found").asLong())
                .isPositive();
    }

    @Test
    void prometheusExposesHttpAndAxonMetrics() {
        createDeployed();
        // Processor metrics appear once the process manager has handled the new events.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http.get("/api/v1/metrics/prometheus")
                        .body()
                        .contains("processorName=\"proposal-deployment\""));
        Http.Response response = http.get("/api/v1/metrics/prometheus");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/plain");
        assertThat(response.body())
                .containsPattern(
                        "(?m)^http_server_requests_seconds_count\\{[^}]*uri=\"/api/v1/proposals\"[^}]*\\} [1-9]");
        // Axon's Micrometer module (dimensional names): command bus, event store, query bus, processors.
        assertThat(response.body())
                .containsPattern(
                        "(?m)^commandBus_successCounter_total\\{[^}]*payloadType=\"CreateProposal\"[^}]*\\} [1-9]");
        assertThat(response.body())
                .containsPattern(
                        "(?m)^eventProcessor_processedCounter_total\\{[^}]*processorName=\"proposal-deployment\"");
        // Projections have no per-event monitors (they cost a rebuild about a seventh of its CPU): their lag gauge
        // says how far behind they are.
        assertThat(response.body()).doesNotContain("processorName=\"proposal-list\"");
        assertThat(response.body())
                .containsPattern(
                        "(?m)^aether_event_processor_lag_events\\{[^}]*processor=\"proposal-list\"[^}]*\\} [0-9]");
        assertThat(response.body()).containsPattern("(?m)^eventStore_ingestedCounter_total\\{");
        assertThat(response.body()).containsPattern("(?m)^queryBus_successCounter_total\\{");
    }

    @Test
    void openApiDocumentListsTheProposalEndpoints() {
        Http.Response response = http.get("/api/openapi.json");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode paths = response.json().path("paths");
        assertThat(paths.has("/api/v1/proposals/{id}/rollback"))
                .as(paths.toString())
                .isTrue();
        assertThat(paths.has("/api/v1/proposals")).isTrue();
        assertThat(paths.path("/api/v1/proposals/{id}/rollback").has("post")).isTrue();
        // The description uses the wire names and documents the error envelope.
        JsonNode schemas = response.json().path("components").path("schemas");
        assertThat(schemas.path("ProposalResponse").path("properties").has("proposal_type"))
                .isTrue();
        assertThat(schemas.path("RollbackRequest").path("properties").has("to_version"))
                .isTrue();
        assertThat(schemas.path("ErrorDetail").path("properties").has("correlation_id"))
                .isTrue();
        assertThat(paths.path("/api/v1/proposals/{id}/deploy")
                        .path("post")
                        .path("responses")
                        .path("4XX")
                        .path("content")
                        .path("application/json")
                        .path("schema")
                        .path("$ref")
                        .asText())
                .isEqualTo("#/components/schemas/ErrorResponse");
    }

    @Test
    void docsLeadToSwaggerUi() {
        URI uri = http.uri("/api/docs");
        Http.Response response = http.send(HttpRequest.newBuilder(uri).GET(), Map.of());
        for (int hops = 0; response.status() / 100 == 3 && hops < 5; hops++) {
            String location = response.header("Location");
            assertThat(location)
                    .as("redirect %d without Location", response.status())
                    .isNotBlank();
            uri = uri.resolve(location);
            response = http.send(HttpRequest.newBuilder(uri).GET(), Map.of());
        }
        assertThat(response.status()).as(uri + ": " + response.body()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/html");
        assertThat(response.body()).containsIgnoringCase("swagger-ui");
    }

    @Test
    void everyResponseCarriesACorrelationId() {
        List<Http.Response> responses = new ArrayList<>();
        responses.add(http.get("/api/v1/health"));
        responses.add(http.get("/api/v1/status"));
        responses.add(http.get("/api/v1/metrics"));
        responses.add(http.get("/api/v1/metrics/prometheus"));
        responses.add(http.get("/api/openapi.json"));
        responses.add(http.get("/api/v1/proposals"));
        responses.add(http.get("/api/v1/nope"));
        responses.add(http.post("/api/v1/proposals", AUTOMATION));
        assertThat(responses)
                .allSatisfy(r -> assertThat(r.header("X-Correlation-ID"))
                        .as("status %d", r.status())
                        .isNotBlank());
        assertThat(responses.stream().map(r -> r.header("X-Correlation-ID")).distinct())
                .hasSize(responses.size());
    }

    @Test
    void aSaneIncomingCorrelationIdIsEchoed() {
        Http.Response ok = http.send(
                HttpRequest.newBuilder(http.uri("/api/v1/health")).GET(), Map.of("X-Correlation-ID", "abc-123"));
        assertThat(ok.header("X-Correlation-ID")).isEqualTo("abc-123");

        Http.Response error = http.send(
                HttpRequest.newBuilder(http.uri("/api/v1/nope")).GET(), Map.of("X-Correlation-ID", "abc-123"));
        assertThat(error.header("X-Correlation-ID")).isEqualTo("abc-123");
        assertThat(error.json().path("error").path("correlation_id").asText()).isEqualTo("abc-123");
    }

    @Test
    void aHostileIncomingCorrelationIdIsReplaced() {
        for (String hostile : List.of("<script>alert(1)</script>", "a".repeat(500), "abc 123", "x\"y")) {
            Http.Response response = http.send(
                    HttpRequest.newBuilder(http.uri("/api/v1/nope")).GET(), Map.of("X-Correlation-ID", hostile));
            String id = response.header("X-Correlation-ID");
            assertThat(id).as(hostile).isNotBlank().isNotEqualTo(hostile);
            assertThat(UUID.fromString(id)).isNotNull();
            assertThat(response.json().path("error").path("correlation_id").asText())
                    .isEqualTo(id);
            assertThat(response.body()).doesNotContain("<script>");
        }
    }

    private static Map<String, JsonNode> components(JsonNode status) {
        Map<String, JsonNode> byName = new java.util.LinkedHashMap<>();
        status.path("components").forEach(c -> byName.put(c.path("name").asText(), c));
        return byName;
    }

    private static void assertShape(JsonNode metrics) {
        JsonNode requests = metrics.path("requests");
        assertThat(requests.path("total").isIntegralNumber())
                .as(metrics.toString())
                .isTrue();
        for (String key : List.of("by_status", "by_path", "by_method_path")) {
            assertThat(requests.path(key).isObject()).as(key).isTrue();
            assertThat(StreamSupport.stream(requests.path(key).spliterator(), false))
                    .allSatisfy(count -> assertThat(count.isIntegralNumber()).isTrue());
        }
        JsonNode latency = metrics.path("latency");
        for (String key : List.of("p50_ms", "p95_ms", "p99_ms", "min_ms", "max_ms", "avg_ms")) {
            assertThat(latency.path(key).isNumber()).as(key).isTrue();
            assertThat(latency.path(key).asDouble()).as(key).isGreaterThanOrEqualTo(0);
        }
        assertThat(latency.path("min_ms").asDouble())
                .isLessThanOrEqualTo(latency.path("p50_ms").asDouble());
        assertThat(latency.path("p50_ms").asDouble())
                .isLessThanOrEqualTo(latency.path("p99_ms").asDouble());
        assertThat(latency.path("p99_ms").asDouble())
                .isLessThanOrEqualTo(latency.path("max_ms").asDouble());
        JsonNode errors = metrics.path("errors");
        assertThat(errors.path("total").isIntegralNumber()).isTrue();
        assertThat(errors.path("by_type").isObject()).isTrue();
        assertThat(metrics.path("active_requests").isInt()).isTrue();
        assertThat(metrics.path("active_requests").asInt())
                .as("this request is in flight")
                .isGreaterThanOrEqualTo(1);
        assertThat(metrics.path("uptime_seconds").isNumber()).isTrue();
        assertThat(metrics.path("uptime_seconds").asDouble()).isPositive();
    }
}

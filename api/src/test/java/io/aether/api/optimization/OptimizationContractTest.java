package io.aether.api.optimization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import io.aether.api.support.OpenApiContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The /optimize responses validate against Aether's OpenAPI document and carry every field of the
 * original's {@code OptimizationResult} and {@code AutomationSuggestionResponse}.
 */
class OptimizationContractTest extends IntegrationTest {
    private static final String OPTIMIZE = "/api/v1/optimize";
    private static final List<String> RESULT = List.of(
            "job_id",
            "status",
            "analysis_types",
            "hours_analyzed",
            "insight_count",
            "suggestion_count",
            "insights",
            "suggestions",
            "recommendations",
            "started_at",
            "completed_at",
            "error");
    private static final List<String> SUGGESTION = List.of(
            "id",
            "pattern",
            "entities",
            "proposed_trigger",
            "proposed_action",
            "confidence",
            "source_insight_type",
            "status",
            "created_at");

    private final List<String> problems = new ArrayList<>();

    @Test
    void optimizationResponsesMatchTheDocumentAndTheOriginalFields() {
        OpenApiContract contract =
                new OpenApiContract(anonymous.get("/api/openapi.json").json());
        Http.Response started = http.post(OPTIMIZE, "{\"entity_ids\": [\"light.hall\"]}");
        check(contract, "POST", OPTIMIZE, started);
        String jobId = started.json().get("job_id").asText();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !http.get(OPTIMIZE + "/" + jobId)
                        .json()
                        .get("status")
                        .asText()
                        .equals("running"));
        Http.Response job = check(contract, "GET", OPTIMIZE + "/" + jobId, http.get(OPTIMIZE + "/" + jobId));
        assertThat(job.json().properties().stream().map(e -> e.getKey())).containsAll(RESULT);
        JsonNode suggestion = job.json().get("suggestions").get(0);
        assertThat(suggestion.properties().stream().map(e -> e.getKey())).containsAll(SUGGESTION);
        check(contract, "GET", OPTIMIZE + "/jobs", http.get(OPTIMIZE + "/jobs?limit=3"));
        check(
                contract,
                "GET",
                OPTIMIZE + "/suggestions/list",
                http.get(OPTIMIZE + "/suggestions/list?job_id=" + jobId));
        String id = suggestion.get("id").asText();
        check(
                contract,
                "POST",
                OPTIMIZE + "/suggestions/" + id + "/reject",
                http.post(OPTIMIZE + "/suggestions/" + id + "/reject", "{}"));
        check(
                contract,
                "POST",
                OPTIMIZE + "/suggestions/" + id + "/accept",
                http.post(OPTIMIZE + "/suggestions/" + id + "/accept", "{}"));
        String other = job.json().get("suggestions").get(1).get("id").asText();
        check(
                contract,
                "POST",
                OPTIMIZE + "/suggestions/" + other + "/accept",
                http.post(OPTIMIZE + "/suggestions/" + other + "/accept", "{}"));
        check(contract, "GET", OPTIMIZE + "/" + UUID.randomUUID(), http.get(OPTIMIZE + "/" + UUID.randomUUID()));
        assertThat(problems).isEmpty();
    }

    private Http.Response check(OpenApiContract contract, String method, String path, Http.Response response) {
        problems.addAll(contract.problems(method, path, response.status(), response.body()));
        return response;
    }
}

package io.aether.api.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Analysis jobs over HTTP: the job is events, it runs the device-health analysis over the
 * simulator's real states, records its insights as {@code system}, and can be polled.
 */
class InsightAnalysisTest extends IntegrationTest {
    private static final String ANALYZE = "/api/v1/insights/analyze";

    @Test
    void aDeviceHealthJobRecordsTheUnavailableEntitiesAndEachLowBattery() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String low = "sensor.porch_battery_" + tag;
        String fine = "sensor.hall_battery_" + tag;
        String dead = "light.garden_" + tag;
        setState(low, "7", Map.of("device_class", "battery", "friendly_name", "Porch sensor"));
        setState(fine, "80", Map.of("device_class", "battery", "friendly_name", "Hall sensor"));
        setState(dead, "unavailable", Map.of("friendly_name", "Garden light"));

        Http.Response started = http.post(ANALYZE, """
                {"analysis_type": "device_health", "entity_ids": ["%s", "%s", "%s"],
                 "options": {"unavailable_for_minutes": 0}}""".formatted(low, fine, dead));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String jobId = started.json().get("job_id").asText();
        assertThat(started.header("Location")).isEqualTo(ANALYZE + "/" + jobId);
        assertThat(started.json().get("analysis_type").asText()).isEqualTo("device_health");
        assertThat(started.json().get("started_at").isNull()).isFalse();

        JsonNode job = awaitOutcome(jobId);
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("completed");
        assertThat(job.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(job.get("insight_ids")).hasSize(2);

        List<JsonNode> insights = new ArrayList<>();
        job.get("insight_ids")
                .forEach(id ->
                        insights.add(http.get("/api/v1/insights/" + id.asText()).json()));
        JsonNode unavailable = insights.get(0);
        assertThat(unavailable.get("type").asText()).isEqualTo("device_health");
        assertThat(unavailable.get("title").asText()).isEqualTo("Garden light is unavailable");
        assertThat(unavailable.get("entities").get(0).asText()).isEqualTo(dead);
        JsonNode battery = insights.get(1);
        assertThat(battery.get("title").asText()).isEqualTo("Porch sensor battery is low (7 %)");
        assertThat(battery.get("impact").asText()).isEqualTo("high");
        assertThat(battery.get("evidence").get("battery_level").asDouble()).isEqualTo(7.0);
        assertThat(battery.get("evidence").get("threshold").asInt()).isEqualTo(20);

        JsonNode listed = null;
        for (JsonNode j :
                http.get("/api/v1/jobs?job_type=analysis&limit=200").json().get("jobs")) {
            if (j.get("job_id").asText().equals(jobId)) {
                listed = j;
            }
        }
        assertThat(listed).as("the job is in /jobs").isNotNull();
        assertThat(listed.get("status").asText()).isEqualTo("completed");
        assertThat(listed.get("title").asText()).isEqualTo("Device health analysis");

        JsonNode recorded = http.get("/api/v1/insights/" + battery.get("id").asText() + "/history")
                .json()
                .get("events")
                .get(0);
        assertThat(recorded.get("actor").get("type").asText()).isEqualTo("system");
        assertThat(recorded.get("correlation_id").asText())
                .as("the insight is traced to the request that started the job")
                .isEqualTo(jobEvent(jobId).get("correlation_id").asText());
    }

    @Test
    void aJobWhoseHomeCannotBeReadFailsWithTheReason() {
        HA.setAvailable(false);
        try {
            Http.Response started = http.post(ANALYZE, "{\"analysis_type\": \"device_health\"}");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            JsonNode job = awaitOutcome(started.json().get("job_id").asText());
            assertThat(job.get("status").asText()).isEqualTo("failed");
            assertThat(job.get("error").asText()).isNotBlank().doesNotContain(HA_TOKEN);
            assertThat(job.get("insight_ids")).isEmpty();
            String failedId = job.get("job_id").asText();
            boolean listedFailed = false;
            for (JsonNode j :
                    http.get("/api/v1/jobs?job_type=analysis&limit=200").json().get("jobs")) {
                listedFailed |= j.get("job_id").asText().equals(failedId)
                        && j.get("status").asText().equals("failed")
                        && j.get("error").asText().equals(job.get("error").asText());
            }
            assertThat(listedFailed)
                    .as("the failed job is in /jobs with its error")
                    .isTrue();
        } finally {
            HA.setAvailable(true);
        }
    }

    @Test
    void badRequestsAreRefusedAndRecordNothing() {
        long before = eventCount();
        assertThat(http.post(ANALYZE, "{\"analysis_type\": \"astrology\"}").status())
                .isEqualTo(400);
        assertThat(http.post(ANALYZE, "{\"analysis_type\": \"device_health\", \"hours\": 0}")
                        .status())
                .isEqualTo(422);
        assertThat(http.post(ANALYZE, "{\"analysis_type\": \"device_health\", \"hours\": 673}")
                        .status())
                .isEqualTo(422);
        Http.Response unknownOption =
                http.post(ANALYZE, "{\"analysis_type\": \"device_health\", \"options\": {\"turbo\": 1}}");
        assertThat(unknownOption.status()).isEqualTo(422);
        assertThat(unknownOption.json().get("error").get("message").asText()).contains("turbo");
        assertThat(http.post(
                                ANALYZE,
                                "{\"analysis_type\": \"device_health\", \"options\": {\"battery_threshold\": \"x\"}}")
                        .status())
                .isEqualTo(422);
        assertThat(http.post(ANALYZE, "{\"analysis_type\": \"device_health\", \"options\": [1]}")
                        .status())
                .isEqualTo(422);
        assertThat(http.post(ANALYZE, "{\"analysis_type\": ").status()).isEqualTo(400);
        assertThat(eventCount()).isEqualTo(before);
        assertThat(http.get(ANALYZE + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(anonymous
                        .post(ANALYZE, "{\"analysis_type\": \"device_health\"}")
                        .status())
                .isEqualTo(401);
    }

    private JsonNode awaitOutcome(String jobId) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !http.get(ANALYZE + "/" + jobId)
                        .json()
                        .get("status")
                        .asText()
                        .equals("running"));
        return http.get(ANALYZE + "/" + jobId).json();
    }

    private JsonNode jobEvent(String jobId) {
        return http.get("/api/v1/events?aggregate_id=" + jobId + "&order=oldest")
                .json()
                .get("items")
                .get(0);
    }

    private static void setState(String entityId, String state, Map<String, String> attributes) {
        Http ha = new Http(HA.baseUrl(), Map.of("Authorization", "Bearer " + HA_TOKEN));
        Http.Response set = ha.post("/api/states/" + entityId, Map.of("state", state, "attributes", attributes));
        assertThat(set.status()).as(set.body()).isIn(200, 201);
    }
}

package io.aether.api.optimization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * /optimize over HTTP against the simulator's history (the hall light switched on by hand at about
 * 19:30 local time, just after the hall motion sensor, and off at about 23:05 every day): the job is events, its suggestions can be listed,
 * accepted (which proposes the automation and records the proposal's id) or rejected, once.
 */
class OptimizationEndpointsTest extends IntegrationTest {
    private static final String OPTIMIZE = "/api/v1/optimize";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aBehaviourRunSuggestsTheHallLightAndAcceptingProposesIt() throws IOException {
        Http.Response started =
                http.post(OPTIMIZE, "{\"analysis_types\": [\"behavior_analysis\"], \"entity_ids\": [\"light.hall\"]}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String jobId = started.json().get("job_id").asText();
        assertThat(started.header("Location")).isEqualTo(OPTIMIZE + "/" + jobId);
        // The answer shows the job as it is then: a short run may already have completed.
        assertThat(started.json().get("status").asText()).isIn("running", "completed");
        assertThat(started.json().get("hours_analyzed").asInt()).isEqualTo(168);

        JsonNode job = awaitOutcome(jobId);
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("completed");
        assertThat(job.get("suggestion_count").asInt()).isEqualTo(2);
        assertThat(job.get("insights")).isEmpty();
        assertThat(job.get("recommendations")).hasSize(2);
        JsonNode on = null;
        for (JsonNode s : job.get("suggestions")) {
            if (s.get("proposed_action").asText().equals("light.turn_on light.hall")) {
                on = s;
            }
        }
        assertThat(on).as(job.toString()).isNotNull();
        assertThat(on.get("proposed_trigger").asText()).matches("time at 19:(2[2-9]|3[0-8]) \\(Europe/Amsterdam\\)");
        assertThat(on.get("entities").get(0).asText()).isEqualTo("light.hall");
        assertThat(on.get("source_insight_type").asText()).isEqualTo("automation_gap");
        assertThat(on.get("status").asText()).isEqualTo("pending");
        assertThat(on.get("confidence").asDouble()).isBetween(0.8, 0.95);

        JsonNode report = http.get("/api/v1/reports/" + jobId).json();
        assertThat(report.get("analysis_type").asText()).as(report.toString()).isEqualTo("optimization");
        assertThat(report.get("status").asText()).isEqualTo("completed");
        assertThat(report.get("summary").asText()).isEqualTo("The optimization suggested 2 automations.");
        assertThat(report.get("artifact_paths")).extracting(JsonNode::asText).contains("chart.png", "data.csv");
        HttpResponse<byte[]> chart = http.getBytes("/api/v1/reports/" + jobId + "/artifacts/chart.png");
        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(ImageIO.read(new ByteArrayInputStream(chart.body())))
                .as("the suggestions' occurrences drawn")
                .isNotNull();
        assertThat(http.get("/api/v1/reports/" + jobId + "/artifacts/data.csv").body())
                .contains(",automation_gap,suggestion,")
                .contains(",light.hall,value,");

        JsonNode listed = http.get(OPTIMIZE + "/suggestions/list?job_id=" + jobId + "&status=pending")
                .json();
        assertThat(listed.get("total").asInt()).isEqualTo(2);
        boolean inJobs = false;
        for (JsonNode j :
                http.get(OPTIMIZE + "/jobs?status=completed&limit=200").json()) {
            inJobs |= j.get("job_id").asText().equals(jobId);
        }
        assertThat(inJobs).isTrue();
        JsonNode listedJob = null;
        for (JsonNode j :
                http.get("/api/v1/jobs?job_type=optimization&limit=200").json().get("jobs")) {
            if (j.get("job_id").asText().equals(jobId)) {
                listedJob = j;
            }
        }
        assertThat(listedJob).as("the job is in /jobs").isNotNull();
        assertThat(listedJob.get("status").asText()).isEqualTo("completed");
        assertThat(listedJob.get("title").asText()).isEqualTo("Optimization (behavior_analysis)");

        String suggestionId = on.get("id").asText();
        Http.Response accepted =
                http.post(OPTIMIZE + "/suggestions/" + suggestionId + "/accept", "{\"comment\": \"yes please\"}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.json().get("status").asText()).isEqualTo("accepted");
        String proposalId = accepted.json().get("proposal_id").asText();
        JsonNode proposal = proposal(proposalId);
        assertThat(proposal.toString()).contains("light.turn_on", "light.hall");

        JsonNode after = http.get(OPTIMIZE + "/suggestions/list?job_id=" + jobId + "&status=accepted")
                .json();
        assertThat(after.get("total").asInt()).isEqualTo(1);
        assertThat(after.get("items").get(0).get("proposal_id").asText()).isEqualTo(proposalId);

        long before = eventCount();
        assertThat(http.post(OPTIMIZE + "/suggestions/" + suggestionId + "/accept", "{}")
                        .status())
                .isEqualTo(409);
        assertThat(http.post(OPTIMIZE + "/suggestions/" + suggestionId + "/reject", "{}")
                        .status())
                .isEqualTo(409);
        assertThat(eventCount()).as("a refused decision records nothing").isEqualTo(before);

        JsonNode other = http.get(OPTIMIZE + "/suggestions/list?job_id=" + jobId + "&status=pending")
                .json()
                .get("items")
                .get(0);
        Http.Response rejected = http.post(
                OPTIMIZE + "/suggestions/" + other.get("id").asText() + "/reject", "{\"reason\": \"I like it dark\"}");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().get("status").asText()).isEqualTo("rejected");
        assertThat(rejected.json().get("reason").asText()).isEqualTo("I like it dark");
        assertThat(http.post(OPTIMIZE + "/suggestions/" + other.get("id").asText() + "/reject", "{}")
                        .status())
                .isEqualTo(409);

        JsonNode events = http.get("/api/v1/events?aggregate_id=" + jobId + "&order=oldest")
                .json()
                .get("items");
        assertThat(events)
                .extracting(e -> e.get("event_type").asText())
                .containsExactly(
                        "OptimizationRequested", "OptimizationCompleted", "SuggestionAccepted", "SuggestionRejected");
        assertThat(events.get(2).get("actor").get("type").asText()).isNotEqualTo("system");
    }

    @Test
    void aRunOverEntitiesWithoutHabitsCompletesWithNoSuggestionsAndNamesTheUnknownOnes() {
        Http.Response started = http.post(
                OPTIMIZE, "{\"entity_ids\": [\"switch.coffee_maker\", \"switch.not_in_this_home\"], \"hours\": 72}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode job = awaitOutcome(started.json().get("job_id").asText());
        assertThat(job.get("status").asText()).isEqualTo("completed");
        assertThat(job.get("suggestion_count").asInt()).isZero();
        assertThat(job.get("analysis_types").get(0).asText()).isEqualTo("behavior_analysis");
        assertThat(job.get("recommendations").get(0).asText())
                .isEqualTo("Left out entities Home Assistant does not know: switch.not_in_this_home");
        assertThat(job.get("recommendations").get(1).asText()).startsWith("No manual action");
    }

    @Test
    void correlationDiscoverySuggestsTheHallLightWhenTheHallMotionSensorTurnsOn() {
        Http.Response started = http.post(OPTIMIZE, """
                {"analysis_types": ["correlation_discovery"], "hours": 168,
                 "entity_ids": ["light.hall", "binary_sensor.hall_motion", "switch.coffee_maker"]}""");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode job = awaitOutcome(started.json().get("job_id").asText());
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("completed");
        JsonNode link = null;
        for (JsonNode s : job.get("suggestions")) {
            if (s.get("proposed_action").asText().equals("light.turn_on light.hall")) {
                link = s;
            }
        }
        assertThat(link).as(job.toString()).isNotNull();
        assertThat(link.get("source_insight_type").asText()).isEqualTo("correlation");
        assertThat(link.get("proposed_trigger").asText()).isEqualTo("state of binary_sensor.hall_motion to on");
        assertThat(link.get("entities"))
                .extracting(JsonNode::asText)
                .containsExactly("binary_sensor.hall_motion", "light.hall");
        assertThat(link.get("confidence").asDouble()).isBetween(0.6, 0.95);

        Http.Response accepted =
                http.post(OPTIMIZE + "/suggestions/" + link.get("id").asText() + "/accept", "{}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode proposal = proposal(accepted.json().get("proposal_id").asText());
        assertThat(proposal.get("trigger").get(0).get("entity_id").asText()).isEqualTo("binary_sensor.hall_motion");
        assertThat(proposal.get("trigger").get(0).get("to").asText()).isEqualTo("on");
    }

    @Test
    void deviceHealthCostAndAutomationReviewsRecordInsights() {
        String configId = "never_" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode config = JSON.createObjectNode().put("id", configId).put("alias", "Never runs " + configId);
        config.putArray("triggers").addObject().put("trigger", "time").put("at", "03:33:00");
        config.putArray("actions")
                .addObject()
                .put("action", "light.turn_on")
                .putObject("target")
                .put("entity_id", "light.hall");
        HA.putAutomationConfig(configId, config);
        String automation = HA.automationEntityId(configId).orElseThrow();
        Http.Response started = http.post(OPTIMIZE, """
                {"analysis_types": ["device_health", "cost_optimization", "automation_analysis"], "hours": 72,
                 "entity_ids": ["sensor.garden_temperature", "sensor.garden_sensor_battery",
                                "sensor.heat_pump_power", "%s"]}""".formatted(automation));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode job = awaitOutcome(started.json().get("job_id").asText());
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("completed");
        assertThat(job.get("suggestion_count").asInt()).isZero();
        List<String> recommendations = new ArrayList<>();
        job.get("recommendations").forEach(r -> recommendations.add(r.asText()));
        assertThat(recommendations)
                .contains(
                        "Garden sensor battery battery is low (14 %)",
                        "Garden temperature was unavailable for 6.0 h", "Never runs " + configId + " has never run")
                .anyMatch(r -> r.contains("Heat pump"));
        assertThat(job.get("insight_count").asInt()).isEqualTo(recommendations.size());

        JsonNode review = http.get("/api/v1/insights?type=automation_inefficiency&limit=100")
                .json();
        boolean found = false;
        for (JsonNode insight : review.get("items")) {
            found |= insight.get("title").asText().equals("Never runs " + configId + " has never run");
        }
        assertThat(found).as(review.toString()).isTrue();
    }

    @Test
    void badInputIsRefusedAndRecordsNothing() {
        long before = eventCount();
        assertThat(http.post(OPTIMIZE, "{\"analysis_types\": [\"astrology\"]}").status())
                .isEqualTo(400);
        assertThat(http.post(OPTIMIZE, "{\"hours\": 0}").status()).isEqualTo(422);
        assertThat(http.post(OPTIMIZE, "{\"hours\": 721}").status()).isEqualTo(422);
        assertThat(http.post(OPTIMIZE, "{\"hours\": \"soon\"}").status()).isEqualTo(400);
        assertThat(http.post(OPTIMIZE, "{\"analysis_types\": ").status()).isEqualTo(400);
        assertThat(http.get(OPTIMIZE + "/jobs?limit=0").status()).isEqualTo(422);
        assertThat(http.get(OPTIMIZE + "/jobs?status=sleeping").status()).isEqualTo(400);
        assertThat(http.get(OPTIMIZE + "/suggestions/list?job_id=not-a-uuid").status())
                .isEqualTo(422);
        assertThat(http.get(OPTIMIZE + "/suggestions/list?status=maybe").status())
                .isEqualTo(400);
        assertThat(http.get(OPTIMIZE + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(http.get(OPTIMIZE + "/not-a-uuid").status()).isEqualTo(404);
        assertThat(http.post(OPTIMIZE + "/suggestions/" + UUID.randomUUID() + "/accept", "{}")
                        .status())
                .isEqualTo(404);
        assertThat(http.post(OPTIMIZE + "/suggestions/nope/reject", "{}").status())
                .isEqualTo(404);
        assertThat(http.post(OPTIMIZE + "/suggestions/" + UUID.randomUUID() + "/reject", "{\"reason\": 5}")
                        .status())
                .isIn(400, 404);
        assertThat(eventCount()).isEqualTo(before);
        assertThat(anonymous.post(OPTIMIZE, "{}").status()).isEqualTo(401);
    }

    private JsonNode awaitOutcome(String jobId) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !http.get(OPTIMIZE + "/" + jobId)
                        .json()
                        .get("status")
                        .asText()
                        .equals("running"));
        return http.get(OPTIMIZE + "/" + jobId).json();
    }
}

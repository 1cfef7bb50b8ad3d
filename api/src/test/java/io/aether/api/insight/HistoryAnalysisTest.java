package io.aether.api.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The history analyses over HTTP against the simulator's demo history, which plants a heat pump
 * drawing 1.5 times as much for the last day, a kitchen temperature spike 20 h ago, a garden
 * sensor unavailable for 6 h and a hall light switched on by hand at about 18:30 every day.
 */
class HistoryAnalysisTest extends IntegrationTest {
    private static final String ANALYZE = "/api/v1/insights/analyze";

    @Test
    void theEnergyAnalysisRanksTheHeatPumpFirstAndReportsItsRise() {
        List<JsonNode> insights = analyse("""
                {"analysis_type": "energy", "hours": 24, "entity_ids": ["sensor.heat_pump_power",
                 "sensor.fridge_power", "sensor.washing_machine_power", "sensor.kitchen_temperature"]}""");
        JsonNode ranking = insights.get(0);
        assertThat(ranking.get("type").asText()).isEqualTo("energy_optimization");
        JsonNode consumers = ranking.get("evidence").get("consumers");
        assertThat(consumers)
                .extracting(c -> c.get("entity_id").asText())
                .as("the temperature sensor is no consumer")
                .doesNotContain("sensor.kitchen_temperature")
                .contains("sensor.fridge_power");
        JsonNode top = consumers.get(0);
        assertThat(top.get("entity_id").asText()).isEqualTo("sensor.heat_pump_power");
        assertThat(top.get("kwh").asDouble())
                .isGreaterThan(top.get("previous_kwh").asDouble());
        assertThat(ranking.get("evidence").get("series").size()).isEqualTo(48);
        JsonNode rise = insights.stream()
                .filter(i -> i.get("evidence").path("entity_id").asText().equals("sensor.heat_pump_power"))
                .findFirst()
                .orElseThrow();
        assertThat(rise.get("title").asText()).startsWith("Heat pump power used");
        assertThat(rise.get("evidence").get("change_percent").asDouble()).isBetween(35.0, 65.0);
        assertThat(rise.get("confidence").asDouble()).isBetween(0.9, 1.0);
    }

    @Test
    void theAnomalyAnalysisFindsThePlantedSpikeAndNothingElse() {
        List<JsonNode> insights = analyse("""
                {"analysis_type": "anomaly", "hours": 48, "entity_ids": ["sensor.kitchen_temperature",
                 "sensor.garden_temperature", "sensor.heat_pump_power", "sensor.fridge_power"]}""");
        assertThat(insights).hasSize(1);
        JsonNode spike = insights.get(0);
        assertThat(spike.get("type").asText()).isEqualTo("anomaly");
        assertThat(spike.get("entities").get(0).asText()).isEqualTo("sensor.kitchen_temperature");
        JsonNode anomalies = spike.get("evidence").get("anomalies");
        assertThat(anomalies).isNotEmpty();
        anomalies.forEach(a -> assertThat(a.get("value").asDouble()).isEqualTo(34.8));
        assertThat(spike.get("evidence").get("series").size()).isGreaterThan(200);
    }

    @Test
    void theAutomationGapAnalysisSuggestsTheEveningHallLight() {
        List<JsonNode> insights =
                analyse("{\"analysis_type\": \"automation_gap\", \"hours\": 168, \"entity_ids\": [\"light.hall\"]}");
        JsonNode on = insights.stream()
                .filter(i -> i.get("evidence").get("to_state").asText().equals("on"))
                .findFirst()
                .orElseThrow();
        assertThat(on.get("type").asText()).isEqualTo("automation_gap");
        assertThat(on.get("evidence").get("time_zone").asText())
                .as("the home's zone, in which HA fires a time trigger")
                .isEqualTo("Europe/Amsterdam");
        assertThat(on.get("evidence").get("time_of_day").asText()).matches("19:(2[2-9]|3[0-8])");
        assertThat(on.get("evidence").get("days").asInt()).isGreaterThanOrEqualTo(6);
        JsonNode automation = on.get("evidence").get("suggested_automation");
        assertThat(automation.get("actions").get(0).get("action").asText()).isEqualTo("light.turn_on");

        Http.Response acted =
                http.post("/api/v1/insights/" + on.get("id").asText() + "/action", "{\"create_automation\": true}");
        assertThat(acted.status()).as(acted.body()).isEqualTo(200);
        String proposalId = acted.json().get("proposal_id").asText();
        JsonNode proposal = proposal(proposalId);
        assertThat(proposal.toString()).contains("light.turn_on", "19:");
    }

    @Test
    void theDeviceHealthAnalysisFindsTheOutageInHistoryAndTheLowBattery() {
        List<JsonNode> insights = analyse("""
                {"analysis_type": "device_health", "hours": 72,
                 "entity_ids": ["sensor.garden_temperature", "sensor.garden_sensor_battery"]}""");
        assertThat(insights)
                .extracting(i -> i.get("title").asText())
                .containsExactlyInAnyOrder(
                        "Garden sensor battery battery is low (14 %)", "Garden temperature was unavailable for 6.0 h");
    }

    @Test
    void anAnalysisOfEntitiesHaDoesNotKnowCompletesWithNoInsightsAndSaysWhy() {
        Http.Response started = http.post(
                ANALYZE, "{\"analysis_type\": \"anomaly\", \"entity_ids\": [\"sensor.nowhere_to_be_found\"]}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode job = awaitOutcome(started.json().get("job_id").asText());
        assertThat(job.get("status").asText()).isEqualTo("completed");
        assertThat(job.get("insight_ids")).isEmpty();
        assertThat(job.get("message").asText()).contains("knows none", "sensor.nowhere_to_be_found");

        Http.Response partly = http.post(ANALYZE, """
                {"analysis_type": "anomaly", "hours": 48,
                 "entity_ids": ["sensor.kitchen_temperature", "sensor.also_missing"]}""");
        JsonNode partial = awaitOutcome(partly.json().get("job_id").asText());
        assertThat(partial.get("insight_ids")).hasSize(1);
        assertThat(partial.get("message").asText()).contains("left out", "sensor.also_missing");
    }

    private List<JsonNode> analyse(String body) {
        Http.Response started = http.post(ANALYZE, body);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode job = awaitOutcome(started.json().get("job_id").asText());
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("completed");
        List<JsonNode> insights = new ArrayList<>();
        job.get("insight_ids")
                .forEach(id ->
                        insights.add(http.get("/api/v1/insights/" + id.asText()).json()));
        return insights;
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
}

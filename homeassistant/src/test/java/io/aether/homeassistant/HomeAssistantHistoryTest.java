package io.aether.homeassistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.simulator.HomeAssistantSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /api/history/period}: the client's call and the simulator's multi-day demo history. */
class HomeAssistantHistoryTest {
    private static final String TOKEN = "history-test-token";
    private static HomeAssistantSimulator ha;
    private static HomeAssistantClient client;

    @BeforeAll
    static void start() {
        ha = HomeAssistantSimulator.start(0, TOKEN);
        client = new HomeAssistantClient(
                new HomeAssistantSettings(ha.baseUrl(), TOKEN, Duration.ofSeconds(5), Duration.ofSeconds(10)),
                new ObjectMapper());
    }

    @AfterAll
    static void stop() {
        ha.stop();
    }

    @Test
    void historyIsOneListPerKnownEntityInFilterOrderStartingWithTheStateAtStart() {
        Instant end = Instant.now();
        Instant start = end.minus(Duration.ofDays(3));
        List<List<JsonNode>> history = client.getHistory(
                List.of("sensor.kitchen_temperature", "sensor.no_such_thing", "light.hall"), start, end);
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get(0).path("entity_id").asText()).isEqualTo("sensor.kitchen_temperature");
        assertThat(Instant.parse(history.get(0).get(0).path("last_changed").asText()))
                .isEqualTo(start);
        assertThat(history.get(0).size()).as("10-minute samples over 3 days").isGreaterThan(300);
        assertThat(history.get(1).get(0).path("entity_id").asText()).isEqualTo("light.hall");
        long on = history.get(1).stream()
                .filter(s -> s.path("state").asText().equals("on"))
                .count();
        assertThat(on).as("switched on once a day").isBetween(2L, 4L);
    }

    @Test
    void theDemoHistoryCarriesItsPlantedEventsAndIsTheSameOnEveryRequest() {
        Instant end = Instant.now();
        Instant start = end.minus(Duration.ofDays(2));
        List<List<JsonNode>> first =
                client.getHistory(List.of("sensor.kitchen_temperature", "sensor.garden_temperature"), start, end);
        List<List<JsonNode>> again =
                client.getHistory(List.of("sensor.kitchen_temperature", "sensor.garden_temperature"), start, end);
        assertThat(again).isEqualTo(first);
        assertThat(first.get(0)).anyMatch(s -> s.path("state").asText().equals("34.8"));
        assertThat(first.get(1)).anyMatch(s -> s.path("state").asText().equals("unavailable"));
    }

    @Test
    void theSimulatorAnswersBadHistoryRequestsAsHaDoes() throws Exception {
        assertThat(get("/api/history/period/2026-01-01T00:00:00Z"))
                .isEqualTo("400 {\"message\":\"filter_entity_id is missing\"}");
        assertThat(get("/api/history/period/yesterday?filter_entity_id=light.hall"))
                .isEqualTo("400 {\"message\":\"Invalid datetime\"}");
        assertThat(get("/api/history/period/2026-01-01T00:00:00Z?filter_entity_id=light.hall&end_time=soon"))
                .isEqualTo("400 {\"message\":\"Invalid end_time\"}");
        assertThat(get("/api/history/period/2026-01-01T00:00:00Z?filter_entity_id=Not%20an%20id"))
                .isEqualTo("400 {\"message\":\"Invalid filter_entity_id\"}");
        assertThat(get("/api/history/period/2999-01-01T00:00:00Z?filter_entity_id=light.hall"))
                .isEqualTo("200 []");
        assertThat(get("/api/history/period?filter_entity_id=sensor.fridge_power"))
                .as("the default window is the last day")
                .startsWith("200 [[{\"entity_id\":\"sensor.fridge_power\"");
        assertThatThrownBy(() -> client.getHistory(List.of(), Instant.now(), Instant.now()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(ha.baseUrl() + path))
                                .header("Authorization", "Bearer " + TOKEN)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }
}

package io.aether.homeassistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aether.homeassistant.HomeAssistantException.Kind;
import io.aether.simulator.HomeAssistantSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The simulator, driven through the real client and raw HTTP, answers like Home Assistant. */
class HomeAssistantSimulatorTest {

    private static final String TOKEN = "sim-test-token-0123456789";
    private static final String HALL_LIGHT = """
            {"alias":"Hall light on motion","description":"","mode":"single",
             "triggers":[{"trigger":"state","entity_id":["binary_sensor.hall_motion"],"to":["on"]}],
             "conditions":[{"condition":"sun","after":"sunset"}],
             "actions":[{"action":"light.turn_on","metadata":{},"target":{"entity_id":"light.hall"},"data":{"brightness_pct":80}}]}
            """;
    private static final String ISO = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{6})?\\+00:00";

    private static final ObjectMapper mapper = new ObjectMapper();
    private static final HttpClient raw =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static HomeAssistantSimulator ha;
    private static HomeAssistantClient client;

    @BeforeAll
    static void start() {
        ha = HomeAssistantSimulator.start(0, TOKEN);
        client = new HomeAssistantClient(
                new HomeAssistantSettings(ha.baseUrl() + "/", TOKEN, Duration.ofSeconds(2), Duration.ofSeconds(5)),
                mapper);
    }

    @AfterAll
    static void stop() {
        ha.stop();
    }

    @BeforeEach
    void freshHome() {
        ha.reset();
    }

    // --- protocol basics -------------------------------------------------------------------

    @Test
    void missingOrWrongTokenGets401PlainText() throws Exception {
        for (String auth : new String[] {null, "Bearer wrong", TOKEN}) {
            HttpResponse<String> response = send("GET", "/api/", null, auth);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).isEqualTo("401: Unauthorized");
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        }
    }

    @Test
    void apiStatusNeedsTheTrailingSlash() throws Exception {
        assertThat(client.apiStatus()).isEqualTo(mapper.readTree("{\"message\":\"API running.\"}"));
        HttpResponse<String> noSlash = send("GET", "/api", null, "Bearer " + TOKEN);
        assertThat(noSlash.statusCode()).isEqualTo(404);
        assertThat(noSlash.body()).isEqualTo("404: Not Found");
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405PlainText() throws Exception {
        HttpResponse<String> unknown = send("GET", "/api/areas", null, "Bearer " + TOKEN);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("404: Not Found");
        HttpResponse<String> wrongMethod = send("PUT", "/api/config/automation/config/1", "{}", "Bearer " + TOKEN);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.body()).isEqualTo("405: Method Not Allowed");
        assertThat(send("POST", "/api/", "{}", "Bearer " + TOKEN).statusCode()).isEqualTo(405);
    }

    @Test
    void configAndStatesDescribeTheDemoHome() throws Exception {
        JsonNode config = mapper.readTree(
                send("GET", "/api/config", null, "Bearer " + TOKEN).body());
        assertThat(config.path("location_name").asText()).isNotBlank();
        assertThat(config.path("version").asText()).matches("\\d{4}\\.\\d+\\.\\d+");
        assertThat(config.path("unit_system").path("temperature").asText()).isEqualTo("°C");
        assertThat(config.path("state").asText()).isEqualTo("RUNNING");

        assertThat(client.getStates())
                .extracting(s -> s.path("entity_id").asText())
                .contains(
                        "light.living_room",
                        "light.hall",
                        "binary_sensor.hall_motion",
                        "sensor.kitchen_temperature",
                        "switch.coffee_maker",
                        "input_boolean.guest_mode",
                        "sun.sun");
        JsonNode temperature = client.getState("sensor.kitchen_temperature").orElseThrow();
        assertThat(temperature.path("state").asText()).isEqualTo("21.5");
        assertThat(temperature.path("attributes").path("unit_of_measurement").asText())
                .isEqualTo("°C");
    }

    @Test
    void absentEntityIs404WithHaMessage() throws Exception {
        assertThat(client.getState("light.nowhere")).isEmpty();
        HttpResponse<String> response = send("GET", "/api/states/light.nowhere", null, "Bearer " + TOKEN);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(mapper.readTree(response.body())).isEqualTo(mapper.readTree("{\"message\":\"Entity not found.\"}"));
    }

    @Test
    void postingAStateCreatesThenUpdatesIt() throws Exception {
        String body = "{\"state\":\"on\",\"attributes\":{\"device_class\":\"motion\"}}";
        HttpResponse<String> created = send("POST", "/api/states/binary_sensor.porch", body, "Bearer " + TOKEN);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/states/binary_sensor.porch");
        assertThat(send("POST", "/api/states/binary_sensor.porch", body, "Bearer " + TOKEN)
                        .statusCode())
                .isEqualTo(200);
        assertThat(ha.state("binary_sensor.porch").orElseThrow().path("state").asText())
                .isEqualTo("on");
    }

    // --- automation config editor ----------------------------------------------------------

    @Test
    void savedConfigIsStoredVerbatimWithIdFirstInHaWriteOrder() throws Exception {
        // mode first and a plural/singular mix of keys: HA writes id, alias, ..., then the rest in body order.
        String body =
                "{\"mode\":\"restart\",\"actions\":[{\"action\":\"light.turn_off\",\"target\":{\"entity_id\":\"light.hall\"}}],"
                        + "\"trigger\":{\"platform\":\"time\",\"at\":\"23:00:00\"},\"alias\":\"Night\",\"max_exceeded\":\"silent\"}";
        client.saveAutomationConfig("1771346155970", mapper.readTree(body));

        ObjectNode stored = client.getAutomationConfig("1771346155970").orElseThrow();
        assertThat(mapper.writeValueAsString(stored))
                .isEqualTo("{\"id\":\"1771346155970\",\"alias\":\"Night\","
                        + "\"trigger\":{\"platform\":\"time\",\"at\":\"23:00:00\"},"
                        + "\"actions\":[{\"action\":\"light.turn_off\",\"target\":{\"entity_id\":\"light.hall\"}}],"
                        + "\"mode\":\"restart\",\"max_exceeded\":\"silent\"}");
        assertThat(ha.automationConfig("1771346155970")).hasValue(stored);
    }

    @Test
    void saveAnswersResultOkOverRawHttp() throws Exception {
        HttpResponse<String> response = send("POST", "/api/config/automation/config/42", HALL_LIGHT, "Bearer " + TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(mapper.readTree(response.body())).isEqualTo(mapper.readTree("{\"result\":\"ok\"}"));
    }

    @Test
    void savedAutomationAppearsAsAnEntityWithHaStateShape() throws Exception {
        client.saveAutomationConfig("1771346155970", mapper.readTree(HALL_LIGHT));

        assertThat(client.findAutomationEntityId("1771346155970")).hasValue("automation.hall_light_on_motion");
        assertThat(ha.automationEntityId("1771346155970")).hasValue("automation.hall_light_on_motion");
        JsonNode state = client.getState("automation.hall_light_on_motion").orElseThrow();
        assertThat(fieldNames(state))
                .containsExactly(
                        "entity_id", "state", "attributes", "last_changed", "last_reported", "last_updated", "context");
        assertThat(state.path("state").asText()).isEqualTo("on");
        assertThat(state.path("attributes"))
                .isEqualTo(
                        mapper.readTree(
                                "{\"id\":\"1771346155970\","
                                        + "\"last_triggered\":null,\"mode\":\"single\",\"current\":0,\"friendly_name\":\"Hall light on motion\"}"));
        assertThat(fieldNames(state.path("attributes")))
                .containsExactly("id", "last_triggered", "mode", "current", "friendly_name");
        for (String field : List.of("last_changed", "last_reported", "last_updated")) {
            assertThat(state.path(field).asText()).matches(ISO);
        }
        assertThat(state.path("context").path("id").asText()).matches("[0-9A-HJKMNP-TV-Z]{26}");
        assertThat(fieldNames(state.path("context"))).containsExactly("id", "parent_id", "user_id");
    }

    @Test
    void initialStateFalseStartsOffAndQueuedModeShowsMax() throws Exception {
        ObjectNode config = (ObjectNode) mapper.readTree(HALL_LIGHT);
        config.put("initial_state", false).put("mode", "queued");
        client.saveAutomationConfig("7", config);
        JsonNode state = ha.state("automation.hall_light_on_motion").orElseThrow();
        assertThat(state.path("state").asText()).isEqualTo("off");
        assertThat(state.path("attributes").path("mode").asText()).isEqualTo("queued");
        assertThat(state.path("attributes").path("max").asInt()).isEqualTo(10);
    }

    @Test
    void entityIdStaysFixedWhenTheAliasChanges() throws Exception {
        client.saveAutomationConfig("7", mapper.readTree(HALL_LIGHT));
        ObjectNode renamed = (ObjectNode) mapper.readTree(HALL_LIGHT);
        renamed.put("alias", "Corridor lamp");
        client.saveAutomationConfig("7", renamed);

        assertThat(client.findAutomationEntityId("7")).hasValue("automation.hall_light_on_motion");
        JsonNode state = ha.state("automation.hall_light_on_motion").orElseThrow();
        assertThat(state.path("attributes").path("friendly_name").asText()).isEqualTo("Corridor lamp");
        assertThat(ha.state("automation.corridor_lamp")).isEmpty();
    }

    @Test
    void sameAliasGetsSuffixedEntityIds() throws Exception {
        client.saveAutomationConfig("a", mapper.readTree(HALL_LIGHT));
        client.saveAutomationConfig("b", mapper.readTree(HALL_LIGHT));
        client.saveAutomationConfig("c", mapper.readTree(HALL_LIGHT));
        assertThat(client.findAutomationEntityId("a")).hasValue("automation.hall_light_on_motion");
        assertThat(client.findAutomationEntityId("b")).hasValue("automation.hall_light_on_motion_2");
        assertThat(client.findAutomationEntityId("c")).hasValue("automation.hall_light_on_motion_3");
    }

    @Test
    void missingAliasUsesTheIdSlugAndAccentsAreFolded() throws Exception {
        ObjectNode config = (ObjectNode) mapper.readTree(HALL_LIGHT);
        config.remove("alias");
        client.saveAutomationConfig("Night-Mode 1", config);
        assertThat(client.findAutomationEntityId("Night-Mode 1")).hasValue("automation.night_mode_1");
        assertThat(HomeAssistantSimulator.slugify("Küche: Licht an!")).isEqualTo("kuche_licht_an");
    }

    static Stream<Arguments> invalidConfigs() {
        return Stream.of(
                Arguments.of("{\"alias\":\"x\",\"actions\":[]}", "required key not provided @ data['triggers']"),
                Arguments.of("{\"alias\":\"x\",\"triggers\":[]}", "required key not provided @ data['actions']"),
                Arguments.of(
                        "{\"triggers\":[],\"actions\":[],\"mode\":\"sometimes\"}",
                        "value must be one of ['parallel', 'queued', 'restart', 'single'] for dictionary value @ data['mode']"),
                Arguments.of(
                        "{\"triggers\":[\"state\"],\"actions\":[]}",
                        "expected dict for dictionary value @ data['triggers'][0]"),
                Arguments.of(
                        "{\"triggers\":[{\"trigger\":\"state\"},{\"entity_id\":\"light.hall\"}],\"actions\":[]}",
                        "required key not provided @ data['triggers'][1]['trigger']"),
                Arguments.of(
                        "{\"triggers\":[],\"actions\":[\"light.turn_on\"]}",
                        "expected dictionary @ data['actions'][0]"),
                Arguments.of(
                        "{\"triggers\":[],\"actions\":[{\"target\":{}}]}",
                        "Unable to determine action @ data['actions'][0]"),
                Arguments.of(
                        "{\"trigger\":[],\"triggers\":[],\"actions\":[]}",
                        "Cannot specify both 'trigger' and 'triggers'. Please use 'triggers' only."),
                Arguments.of(
                        "{\"triggers\":[],\"actions\":[],\"colour\":\"red\"}",
                        "extra keys not allowed @ data['colour']"));
    }

    @ParameterizedTest
    @MethodSource("invalidConfigs")
    void invalidConfigIsRejectedWithHaMessageAndNotStored(String body, String haError) throws Exception {
        assertThatThrownBy(() -> client.saveAutomationConfig("9", mapper.readTree(body)))
                .isInstanceOfSatisfying(HomeAssistantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.REJECTED);
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage())
                            .isEqualTo("Home Assistant rejected the request: Message malformed: " + haError);
                });
        HttpResponse<String> response = send("POST", "/api/config/automation/config/9", body, "Bearer " + TOKEN);
        assertThat(mapper.readTree(response.body()).path("message").asText())
                .isEqualTo("Message malformed: " + haError);
        assertThat(ha.automationConfig("9")).isEmpty();
        assertThat(ha.automationEntityId("9")).isEmpty();
    }

    @Test
    void singularLegacyKeysAndSingleItemsAreAccepted() throws Exception {
        client.saveAutomationConfig(
                "legacy",
                mapper.readTree("{\"alias\":\"Legacy\","
                        + "\"trigger\":{\"platform\":\"state\",\"entity_id\":\"binary_sensor.hall_motion\"},"
                        + "\"condition\":[],\"action\":{\"service\":\"light.turn_on\",\"entity_id\":\"light.hall\"}}"));
        assertThat(client.findAutomationEntityId("legacy")).hasValue("automation.legacy");
        assertThat(client.getAutomationConfig("legacy").orElseThrow().has("trigger"))
                .isTrue();
    }

    @Test
    void invalidJsonIsRejectedWithHaMessage() throws Exception {
        HttpResponse<String> response =
                send("POST", "/api/config/automation/config/9", "{\"alias\":", "Bearer " + TOKEN);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(mapper.readTree(response.body()))
                .isEqualTo(mapper.readTree("{\"message\":\"Invalid JSON specified\"}"));
    }

    @Test
    void getOfAbsentConfigIs404ButDeleteIs400AndClientSaysFalse() throws Exception {
        HttpResponse<String> get = send("GET", "/api/config/automation/config/nope", null, "Bearer " + TOKEN);
        assertThat(get.statusCode()).isEqualTo(404);
        assertThat(mapper.readTree(get.body())).isEqualTo(mapper.readTree("{\"message\":\"Resource not found\"}"));
        HttpResponse<String> delete = send("DELETE", "/api/config/automation/config/nope", null, "Bearer " + TOKEN);
        assertThat(delete.statusCode()).isEqualTo(400);
        assertThat(mapper.readTree(delete.body())).isEqualTo(mapper.readTree("{\"message\":\"Resource not found\"}"));

        assertThat(client.getAutomationConfig("nope")).isEmpty();
        assertThat(client.deleteAutomationConfig("nope")).isFalse();
    }

    @Test
    void deleteRemovesConfigAndEntity() throws Exception {
        client.saveAutomationConfig("7", mapper.readTree(HALL_LIGHT));
        assertThat(client.deleteAutomationConfig("7")).isTrue();
        assertThat(client.getAutomationConfig("7")).isEmpty();
        assertThat(client.findAutomationEntityId("7")).isEmpty();
        assertThat(client.getState("automation.hall_light_on_motion")).isEmpty();
    }

    @Test
    void seededAutomationLooksUserMadeAndInvalidOneIsUnavailable() throws Exception {
        ha.putAutomationConfig("1700000000000", mapper.readTree(HALL_LIGHT));
        assertThat(client.getAutomationConfig("1700000000000")
                        .orElseThrow()
                        .path("id")
                        .asText())
                .isEqualTo("1700000000000");
        assertThat(client.findAutomationEntityId("1700000000000")).hasValue("automation.hall_light_on_motion");

        ha.putAutomationConfig("broken", mapper.readTree("{\"alias\":\"Broken\",\"actions\":[]}"));
        assertThat(ha.state("automation.broken").orElseThrow().path("state").asText())
                .isEqualTo("unavailable");
    }

    // --- services ---------------------------------------------------------------------------

    @Test
    void turnOffAndOnChangeTheAutomationState() throws Exception {
        client.saveAutomationConfig("7", mapper.readTree(HALL_LIGHT));
        String entityId = client.findAutomationEntityId("7").orElseThrow();

        client.turnOffAutomation(entityId);
        assertThat(client.getState(entityId).orElseThrow().path("state").asText())
                .isEqualTo("off");
        client.turnOnAutomation(entityId);
        assertThat(client.getState(entityId).orElseThrow().path("state").asText())
                .isEqualTo("on");
    }

    @Test
    void serviceCallReturnsOnlyTheStatesItChanged() throws Exception {
        client.saveAutomationConfig("7", mapper.readTree(HALL_LIGHT));
        ObjectNode target = mapper.createObjectNode().put("entity_id", "automation.hall_light_on_motion");

        JsonNode changed = client.callService("automation", "turn_off", target);
        assertThat(changed).hasSize(1);
        assertThat(changed.get(0).path("entity_id").asText()).isEqualTo("automation.hall_light_on_motion");
        assertThat(changed.get(0).path("state").asText()).isEqualTo("off");
        assertThat(client.callService("automation", "turn_off", target)).isEmpty();
        assertThat(client.callService("automation", "toggle", target)
                        .get(0)
                        .path("state")
                        .asText())
                .isEqualTo("on");
    }

    @Test
    void lightSwitchAndInputBooleanServicesChangeSeededEntities() throws Exception {
        client.callService("light", "turn_on", mapper.readTree("{\"entity_id\":\"light.hall\",\"brightness_pct\":50}"));
        JsonNode hall = client.getState("light.hall").orElseThrow();
        assertThat(hall.path("state").asText()).isEqualTo("on");
        assertThat(hall.path("attributes").path("brightness").asInt()).isEqualTo(128);

        client.callService(
                "light", "toggle", mapper.readTree("{\"entity_id\":[\"light.hall\",\"light.living_room\"]}"));
        assertThat(client.getState("light.hall").orElseThrow().path("state").asText())
                .isEqualTo("off");
        assertThat(client.getState("light.living_room")
                        .orElseThrow()
                        .path("state")
                        .asText())
                .isEqualTo("off");

        client.callService("switch", "turn_on", mapper.readTree("{\"entity_id\":\"switch.coffee_maker\"}"));
        client.callService("input_boolean", "turn_on", mapper.readTree("{\"entity_id\":\"input_boolean.guest_mode\"}"));
        assertThat(client.getState("switch.coffee_maker")
                        .orElseThrow()
                        .path("state")
                        .asText())
                .isEqualTo("on");
        assertThat(client.getState("input_boolean.guest_mode")
                        .orElseThrow()
                        .path("state")
                        .asText())
                .isEqualTo("on");
    }

    @Test
    void unknownServiceIs400PlainTextAndBadJsonIs400Json() throws Exception {
        HttpResponse<String> unknown = send("POST", "/api/services/light/explode", "{}", "Bearer " + TOKEN);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).isEqualTo("400: Bad Request");
        assertThatThrownBy(() -> client.callService("light", "explode", null))
                .isInstanceOfSatisfying(HomeAssistantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.REJECTED);
                    assertThat(e.getMessage()).isEqualTo("Home Assistant rejected the request: 400: Bad Request");
                });

        HttpResponse<String> badJson = send("POST", "/api/services/light/turn_on", "{nope", "Bearer " + TOKEN);
        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(mapper.readTree(badJson.body()))
                .isEqualTo(mapper.readTree("{\"message\":\"Data should be valid JSON.\"}"));
    }

    // --- controls -----------------------------------------------------------------------------

    @Test
    void unavailableAnswers503WithEmptyBodyAndClientSaysUnavailable() throws Exception {
        ha.setAvailable(false);
        HttpResponse<String> response = send("GET", "/api/", null, "Bearer " + TOKEN);
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEmpty();
        assertThatThrownBy(() -> client.apiStatus()).isInstanceOfSatisfying(HomeAssistantException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
            assertThat(e.status()).isEqualTo(503);
        });
        ha.setAvailable(true);
        assertThat(client.apiStatus().path("message").asText()).isEqualTo("API running.");
    }

    @Test
    void requestCountCountsByMethodAndPathPrefix() throws Exception {
        client.saveAutomationConfig("7", mapper.readTree(HALL_LIGHT));
        client.getAutomationConfig("7");
        client.getAutomationConfig("8");
        assertThat(ha.requestCount("POST", "/api/config/automation/config/")).isEqualTo(1);
        assertThat(ha.requestCount("GET", "/api/config/automation/config/")).isEqualTo(2);
        assertThat(ha.requestCount("GET", "/api/config/automation/config/7")).isEqualTo(1);
        assertThat(ha.requestCount("DELETE", "/api/")).isZero();
    }

    @Test
    void concurrentSavesOfTheSameAliasGetDistinctEntityIds() throws Exception {
        int n = 16;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Void>> saves = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String id = "c" + i;
                saves.add(() -> {
                    client.saveAutomationConfig(id, mapper.readTree(HALL_LIGHT));
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(saves)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Set<String> entityIds = new HashSet<>();
        for (int i = 0; i < n; i++) {
            entityIds.add(ha.automationEntityId("c" + i).orElseThrow());
        }
        assertThat(entityIds)
                .hasSize(n)
                .contains("automation.hall_light_on_motion", "automation.hall_light_on_motion_16");
    }

    // --- helpers ------------------------------------------------------------------------------

    private static HttpResponse<String> send(String method, String path, String body, String authorization)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ha.baseUrl() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return raw.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

package io.aether.api.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import io.aether.api.support.OpenApiContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The registry mirror over HTTP against the simulator: a sync mirrors automations (with counts from
 * their stored configs), scripts, scenes and services; reads by every kind of id; the live config
 * and helper list; seeding; a sync removes what HA no longer has; bad input and HA down are 4xx/502
 * envelopes; every answer matches the OpenAPI document.
 */
class RegistryReadTest extends IntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGISTRY = "/api/v1/registry";
    private Http ha;

    @BeforeEach
    void haClient() {
        ha = new Http(HA.baseUrl(), Map.of("Authorization", "Bearer " + HA_TOKEN));
    }

    private JsonNode sync() {
        Http.Response sync = http.post(REGISTRY + "/sync", (String) null);
        assertThat(sync.status()).as(sync.body()).isEqualTo(200);
        return sync.json();
    }

    private static List<String> ids(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(n -> n.path(field).asText())
                .toList();
    }

    /** An automation made in HA by hand: two trigger types, one condition, two actions, queued. */
    private String putAutomation() throws Exception {
        String id = "reg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        HA.putAutomationConfig(id, JSON.readTree("""
                {"id": "%s", "alias": "Registry test %s", "description": "Evening lights", "mode": "queued",
                 "triggers": [{"trigger": "state", "entity_id": "binary_sensor.hall_motion", "to": "on"},
                              {"trigger": "time", "at": "19:00:00"}],
                 "conditions": [{"condition": "state", "entity_id": "sun.sun", "state": "below_horizon"}],
                 "actions": [{"action": "light.turn_on", "target": {"entity_id": "light.hall"}},
                             {"delay": "00:01:00"}]}""".formatted(id, id)));
        return id;
    }

    @Test
    void aSyncMirrorsAutomationsScriptsScenesAndServices() throws Exception {
        String configId = putAutomation();
        String entityId = HA.automationEntityId(configId).orElseThrow();
        JsonNode sync = sync();
        assertThat(sync.path("automations_synced").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(sync.path("scripts_synced").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(sync.path("scenes_synced").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(sync.path("services_synced").asInt()).isGreaterThan(5);
        assertThat(sync.path("duration_seconds").isNumber()).isTrue();

        JsonNode list = http.get(REGISTRY + "/automations?limit=1000").json();
        assertThat(ids(list.path("automations"), "entity_id")).contains(entityId);
        assertThat(list.path("total").asLong())
                .isEqualTo(list.path("automations").size());
        assertThat(list.path("enabled_count").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(list.path("last_synced_at").isTextual()).isTrue();

        JsonNode automation = http.get(REGISTRY + "/automations/" + configId).json();
        assertThat(automation.path("entity_id").asText()).isEqualTo(entityId);
        assertThat(automation.path("ha_automation_id").asText()).isEqualTo(configId);
        assertThat(automation.path("alias").asText()).isEqualTo("Registry test " + configId);
        assertThat(automation.path("description").asText()).isEqualTo("Evening lights");
        assertThat(automation.path("state").asText()).isEqualTo("on");
        assertThat(automation.path("mode").asText()).isEqualTo("queued");
        assertThat(automation.path("trigger_types").toString()).isEqualTo("[\"state\",\"time\"]");
        assertThat(automation.path("trigger_count").asInt()).isEqualTo(2);
        assertThat(automation.path("condition_count").asInt()).isEqualTo(1);
        assertThat(automation.path("action_count").asInt()).isEqualTo(2);
        assertThat(automation.path("last_synced_at").isTextual()).isTrue();
        // The same row by Aether id and by entity_id.
        String aetherId = automation.path("id").asText();
        assertThat(http.get(REGISTRY + "/automations/" + aetherId)
                        .json()
                        .path("entity_id")
                        .asText())
                .isEqualTo(entityId);
        assertThat(http.get(REGISTRY + "/automations/" + entityId)
                        .json()
                        .path("id")
                        .asText())
                .isEqualTo(aetherId);
        // Filters.
        assertThat(ids(
                        http.get(REGISTRY + "/automations?state=on&limit=1000")
                                .json()
                                .path("automations"),
                        "entity_id"))
                .contains(entityId);
        assertThat(ids(
                        http.get(REGISTRY + "/automations?state=off&limit=1000")
                                .json()
                                .path("automations"),
                        "entity_id"))
                .doesNotContain(entityId);

        // The stored config, live from HA's config API, exactly as HA keeps it.
        Http.Response config = http.get(REGISTRY + "/automations/" + aetherId + "/config");
        assertThat(config.status()).as(config.body()).isEqualTo(200);
        assertThat(config.json()).isEqualTo(HA.automationConfig(configId).orElseThrow());

        // Scripts and scenes of the demo home, with their configs.
        JsonNode scripts = http.get(REGISTRY + "/scripts").json();
        assertThat(ids(scripts.path("scripts"), "entity_id")).contains("script.good_night");
        JsonNode script = http.get(REGISTRY + "/scripts/good_night").json();
        assertThat(script.path("entity_id").asText()).isEqualTo("script.good_night");
        assertThat(script.path("alias").asText()).isEqualTo("Good night");
        assertThat(script.path("state").asText()).isEqualTo("off");
        assertThat(script.path("sequence").isArray()).isTrue();
        assertThat(script.path("sequence").get(0).path("action").asText()).isEqualTo("light.turn_off");
        assertThat(http.get(REGISTRY + "/scripts/script.good_night")
                        .json()
                        .path("id")
                        .asText())
                .isEqualTo(script.path("id").asText());
        JsonNode scene = http.get(REGISTRY + "/scenes/scene.movie_time").json();
        assertThat(scene.path("name").asText()).isEqualTo("Movie time");
        assertThat(scene.path("entity_states")
                        .path("light.living_room")
                        .path("brightness")
                        .asInt())
                .isEqualTo(60);
        assertThat(ids(http.get(REGISTRY + "/scenes").json().path("scenes"), "entity_id"))
                .contains("scene.movie_time");

        // Services from get_services.
        JsonNode lights = http.get(REGISTRY + "/services?domain=light").json();
        assertThat(ids(lights.path("services"), "service")).contains("turn_on", "turn_off", "toggle");
        assertThat(lights.path("domains").toString()).isEqualTo("[\"light\"]");
        JsonNode turnOn = http.get(REGISTRY + "/services/light.turn_on").json();
        assertThat(turnOn.path("domain").asText()).isEqualTo("light");
        assertThat(turnOn.path("is_seeded").asBoolean()).isFalse();
        assertThat(turnOn.path("target").isObject()).isTrue();
        assertThat(http.get(REGISTRY + "/services/" + turnOn.path("id").asText())
                        .json()
                        .path("service")
                        .asText())
                .isEqualTo("turn_on");

        JsonNode summary = http.get(REGISTRY + "/summary").json();
        assertThat(summary.path("automations_count").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(summary.path("automations_enabled").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(summary.path("scripts_count").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(summary.path("scenes_count").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(summary.path("services_count").asLong()).isGreaterThan(5);
        assertThat(summary.path("last_synced_at").isTextual()).isTrue();
        assertThat(summary.path("mcp_gaps").isArray()).isTrue();

        // Turned off in HA: state_changed says so without a sync; deleted in HA: removed without one.
        ha.post("/api/services/automation/turn_off", "{\"entity_id\": \"" + entityId + "\"}");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> http.get(REGISTRY + "/automations/" + configId)
                        .json()
                        .path("state")
                        .asText()
                        .equals("off"));
        sync();
        assertThat(http.get(REGISTRY + "/automations/" + configId)
                        .json()
                        .path("state")
                        .asText())
                .isEqualTo("off");
        assertThat(ha.delete("/api/config/automation/config/" + configId).status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> http.get(REGISTRY + "/automations/" + configId).status() == 404);
        sync();
        assertThat(http.get(REGISTRY + "/automations/" + configId).status()).isEqualTo(404);
        assertThat(http.get(REGISTRY + "/automations/" + aetherId).status()).isEqualTo(404);
    }

    @Test
    void seededServicesFillGapsAndNeverReplaceWhatHaReports() {
        sync();
        Http.Response seeded = http.post(REGISTRY + "/services/seed", (String) null);
        assertThat(seeded.status()).as(seeded.body()).isEqualTo(200);
        JsonNode counts = seeded.json();
        assertThat(counts.path("seeded").asInt() + counts.path("skipped").asInt())
                .isEqualTo(counts.path("total").asInt());
        // Seeding again adds nothing.
        assertThat(http.post(REGISTRY + "/services/seed", (String) null)
                        .json()
                        .path("seeded")
                        .asInt())
                .isZero();
        // HA has light.turn_on: still the discovered one. HA has no climate: the seed stays.
        assertThat(http.get(REGISTRY + "/services/light.turn_on")
                        .json()
                        .path("is_seeded")
                        .asBoolean())
                .isFalse();
        JsonNode climate =
                http.get(REGISTRY + "/services/climate.set_temperature").json();
        assertThat(climate.path("is_seeded").asBoolean()).isTrue();
        assertThat(climate.path("last_synced_at").isNull()).isTrue();
        sync();
        assertThat(http.get(REGISTRY + "/services/climate.set_temperature").status())
                .isEqualTo(200);
        JsonNode all = http.get(REGISTRY + "/services?limit=1000").json();
        assertThat(all.path("seeded_count").asLong()).isGreaterThan(0);
        assertThat(all.path("discovered_count").asLong()).isGreaterThan(0);
        assertThat(all.path("total").asLong())
                .isEqualTo(all.path("seeded_count").asLong()
                        + all.path("discovered_count").asLong());
        JsonNode page = http.get(REGISTRY + "/services?limit=2&offset=1").json();
        assertThat(page.path("services").size()).isEqualTo(2);
        assertThat(page.path("total").asLong()).isEqualTo(all.path("total").asLong());
        assertThat(http.get(REGISTRY + "/summary")
                        .json()
                        .path("services_seeded")
                        .asLong())
                .isGreaterThan(0);
    }

    @Test
    void helpersAreListedLiveFromHomeAssistant() {
        Http.Response response = http.get(REGISTRY + "/helpers");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode helpers = response.json();
        assertThat(ids(helpers.path("helpers"), "entity_id")).contains("input_boolean.guest_mode");
        assertThat(helpers.path("by_type").path("input_boolean").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(helpers.path("total").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode guest = StreamSupport.stream(helpers.path("helpers").spliterator(), false)
                .filter(h -> h.path("entity_id").asText().equals("input_boolean.guest_mode"))
                .findFirst()
                .orElseThrow();
        assertThat(guest.path("domain").asText()).isEqualTo("input_boolean");
        assertThat(guest.path("name").asText()).isEqualTo("Guest mode");
        assertThat(guest.path("attributes").path("editable").asBoolean()).isTrue();
        assertThat(http.get(REGISTRY + "/helpers?limit=1&offset=100000")
                        .json()
                        .path("helpers")
                        .size())
                .isZero();
    }

    @Test
    void badInputAndUnknownIdsAreRefusedInTheEnvelope() {
        sync();
        for (String query : List.of(
                REGISTRY + "/automations?limit=0",
                REGISTRY + "/automations?limit=1001",
                REGISTRY + "/automations?offset=-1",
                REGISTRY + "/automations?state=ON!",
                REGISTRY + "/scripts?limit=5000",
                REGISTRY + "/scenes?offset=-2",
                REGISTRY + "/services?domain=Light!",
                REGISTRY + "/services?limit=0",
                REGISTRY + "/helpers?limit=1001")) {
            Http.Response response = http.get(query);
            assertThat(response.status()).as(query + " " + response.body()).isEqualTo(422);
            assertThat(response.json().path("error").path("type").asText()).isEqualTo("validation_error");
        }
        for (String path : List.of(
                REGISTRY + "/automations/no_such_automation",
                REGISTRY + "/automations/" + UUID.randomUUID(),
                REGISTRY + "/automations/no_such_automation/config",
                REGISTRY + "/scripts/no_such_script",
                REGISTRY + "/scenes/" + UUID.randomUUID(),
                REGISTRY + "/services/light.no_such_service",
                REGISTRY + "/services/nodot")) {
            Http.Response response = http.get(path);
            assertThat(response.status()).as(path + " " + response.body()).isEqualTo(404);
            assertThat(response.json().path("error").path("code").asInt()).isEqualTo(404);
        }
        for (String path : List.of(REGISTRY + "/automations", REGISTRY + "/summary", REGISTRY + "/helpers")) {
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
        }
        assertThat(anonymous.post(REGISTRY + "/sync", "{}").status()).isEqualTo(401);
    }

    @Test
    void homeAssistantDownIsABadGatewayAndTheMirrorStillAnswers() throws Exception {
        String configId = putAutomation();
        sync();
        HA.setAvailable(false);
        try {
            for (Http.Response down : List.of(
                    http.post(REGISTRY + "/sync", (String) null),
                    http.get(REGISTRY + "/automations/" + configId + "/config"))) {
                assertThat(down.status()).as(down.body()).isEqualTo(502);
                assertThat(down.json().path("error").path("type").asText()).isEqualTo("home_assistant_error");
                assertThat(down.body()).doesNotContain(HA_TOKEN);
            }
            assertThat(http.get(REGISTRY + "/automations/" + configId).status()).isEqualTo(200);
        } finally {
            HA.setAvailable(true);
        }
        HA.stopWebSocket();
        try {
            Http.Response down = http.get(REGISTRY + "/helpers");
            assertThat(down.status()).as(down.body()).isEqualTo(502);
        } finally {
            HA.startWebSocket();
        }
        // The mirror's client reconnects by itself (back-off); later tests need it connected.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> http.get(REGISTRY + "/helpers").status() == 200);
    }

    @Test
    void registryAnswersMatchTheOpenApiDocument() throws Exception {
        OpenApiContract contract =
                new OpenApiContract(anonymous.get("/api/openapi.json").json());
        String configId = putAutomation();
        List<String> problems = new ArrayList<>();
        Http.Response sync = http.post(REGISTRY + "/sync", (String) null);
        problems.addAll(contract.problems("POST", REGISTRY + "/sync", sync.status(), sync.body()));
        Http.Response seed = http.post(REGISTRY + "/services/seed", (String) null);
        problems.addAll(contract.problems("POST", REGISTRY + "/services/seed", seed.status(), seed.body()));
        for (String path : List.of(
                REGISTRY + "/automations",
                REGISTRY + "/automations?limit=0",
                REGISTRY + "/automations/" + configId,
                REGISTRY + "/automations/" + configId + "/config",
                REGISTRY + "/automations/none",
                REGISTRY + "/scripts",
                REGISTRY + "/scripts/good_night",
                REGISTRY + "/scripts/none",
                REGISTRY + "/scenes",
                REGISTRY + "/scenes/movie_time",
                REGISTRY + "/services",
                REGISTRY + "/services/light.turn_on",
                REGISTRY + "/services/climate.set_temperature",
                REGISTRY + "/helpers",
                REGISTRY + "/summary")) {
            Http.Response r = http.get(path);
            problems.addAll(contract.problems("GET", path, r.status(), r.body()));
        }
        HA.setAvailable(false);
        try {
            Http.Response down = http.post(REGISTRY + "/sync", (String) null);
            problems.addAll(contract.problems("POST", REGISTRY + "/sync", down.status(), down.body()));
        } finally {
            HA.setAvailable(true);
        }
        assertThat(problems).isEmpty();
    }
}

package io.aether.api.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import io.aether.api.support.OpenApiContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The entity, device and area mirrors over HTTP, fed by the simulator over its WebSocket: a sync
 * mirrors the demo home; a state change in HA reaches the mirror by state_changed without a sync;
 * a sync removes what HA no longer has; bad filters and unknown ids are 4xx envelopes; HA down is a
 * 502 without the token; every answer matches the OpenAPI document.
 */
class MirrorTest extends IntegrationTest {
    private Http ha;

    @BeforeEach
    void haClient() {
        ha = new Http(HA.baseUrl(), Map.of("Authorization", "Bearer " + HA_TOKEN));
    }

    private Http.Response sync() {
        Http.Response sync = http.post("/api/v1/entities/sync", "{\"force\": true}");
        assertThat(sync.status()).as(sync.body()).isEqualTo(200);
        return sync;
    }

    private static List<String> ids(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(n -> n.path(field).asText())
                .toList();
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    @Test
    void aSyncMirrorsTheDemoHome() {
        JsonNode sync = sync().json();
        JsonNode states = ha.get("/api/states").json();
        List<String> haIds = new ArrayList<>(ids(states, "entity_id"));
        haIds.sort(null);
        assertThat(sync.path("status").asText()).isEqualTo("completed");
        assertThat(sync.path("entities_found").asInt()).isEqualTo(haIds.size());
        assertThat(sync.path("entities_added").asInt()
                        + sync.path("entities_updated").asInt())
                .isEqualTo(haIds.size());
        assertThat(sync.path("devices_found").asInt()).isEqualTo(5);
        assertThat(sync.path("areas_found").asInt()).isEqualTo(3);
        assertThat(sync.path("session_id").asText()).isNotBlank();

        // List: every state HA has, in entity_id order, with the sync's time.
        JsonNode all = http.get("/api/v1/entities?limit=1000").json();
        assertThat(all.path("total").asLong()).isEqualTo(haIds.size());
        assertThat(ids(all.path("entities"), "entity_id")).isEqualTo(haIds);
        assertThat(all.path("last_synced_at").isTextual()).isTrue();
        assertThat(all.path("domain").isNull()).isTrue();

        // Paging by limit/offset keeps the order and the total.
        JsonNode page = http.get("/api/v1/entities?limit=2&offset=1").json();
        assertThat(ids(page.path("entities"), "entity_id")).isEqualTo(haIds.subList(1, 3));
        assertThat(page.path("total").asLong()).isEqualTo(haIds.size());
        assertThat(page.path("limit").asInt()).isEqualTo(2);
        assertThat(page.path("offset").asInt()).isEqualTo(1);

        // Filters: domain, area (the registry's, else the device's), state.
        JsonNode lights = http.get("/api/v1/entities?domain=light").json();
        assertThat(ids(lights.path("entities"), "entity_id")).containsExactly("light.hall", "light.living_room");
        assertThat(lights.path("domain").asText()).isEqualTo("light");
        assertThat(lights.path("total").asLong()).isEqualTo(2);
        assertThat(ids(http.get("/api/v1/entities?area_id=kitchen").json().path("entities"), "entity_id"))
                .containsExactly("sensor.kitchen_temperature", "switch.coffee_maker");
        assertThat(ids(
                        http.get("/api/v1/entities?area_id=hall&domain=binary_sensor")
                                .json()
                                .path("entities"),
                        "entity_id"))
                .containsExactly("binary_sensor.hall_motion");
        String kitchenState = HA.state("sensor.kitchen_temperature")
                .orElseThrow()
                .path("state")
                .asText();
        assertThat(ids(
                        http.get("/api/v1/entities?domain=sensor&state=" + kitchenState)
                                .json()
                                .path("entities"),
                        "entity_id"))
                .contains("sensor.kitchen_temperature");
        assertThat(http.get("/api/v1/entities?state=no-such-state")
                        .json()
                        .path("total")
                        .asLong())
                .isZero();

        // One entity: registry facts joined with the state.
        JsonNode lamp = http.get("/api/v1/entities/light.living_room").json();
        assertThat(lamp.path("name").asText()).isEqualTo("Living room");
        assertThat(lamp.path("domain").asText()).isEqualTo("light");
        assertThat(lamp.path("platform").asText()).isEqualTo("hue");
        assertThat(lamp.path("device_id").asText()).isEqualTo("8f1c2a0b9d3e4f5a6b7c8d9e0f1a2b3c");
        assertThat(lamp.path("area_id").asText()).isEqualTo("living_room");
        assertThat(lamp.path("state").asText())
                .isEqualTo(HA.state("light.living_room")
                        .orElseThrow()
                        .path("state")
                        .asText());
        assertThat(lamp.path("attributes").path("friendly_name").asText()).isEqualTo("Living room");
        assertThat(lamp.path("last_synced_at").isTextual()).isTrue();
        assertThat(lamp.path("last_changed").isTextual()).isTrue();
        assertThat(lamp.path("id").asText()).hasSize(36);
        JsonNode sensor =
                http.get("/api/v1/entities/sensor.kitchen_temperature").json();
        assertThat(sensor.path("unit_of_measurement").asText()).isEqualTo("°C");
        assertThat(sensor.path("device_class").asText()).isEqualTo("temperature");

        // Domain summary: HA's own counts.
        Map<String, Integer> expected = new TreeMap<>();
        haIds.forEach(id -> expected.merge(id.substring(0, id.indexOf('.')), 1, Integer::sum));
        JsonNode summary = http.get("/api/v1/entities/domains/summary").json();
        Map<String, Integer> actual = new TreeMap<>();
        summary.fields()
                .forEachRemaining(f -> actual.put(f.getKey(), f.getValue().asInt()));
        assertThat(actual).isEqualTo(expected);

        // Devices and areas.
        JsonNode devices = http.get("/api/v1/devices").json();
        assertThat(devices.path("total").asLong()).isEqualTo(5);
        assertThat(devices.path("last_synced_at").isTextual()).isTrue();
        assertThat(ids(http.get("/api/v1/devices?area_id=hall").json().path("devices"), "name"))
                .containsExactlyInAnyOrder("Hall lamp", "Hall motion sensor");
        assertThat(http.get("/api/v1/devices?manufacturer=Aqara")
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(2);
        JsonNode device =
                http.get("/api/v1/devices/8f1c2a0b9d3e4f5a6b7c8d9e0f1a2b3c").json();
        assertThat(device.path("name").asText()).isEqualTo("Living room lamp");
        assertThat(device.path("manufacturer").asText()).isEqualTo("Signify");
        assertThat(device.path("model").asText()).isEqualTo("LCA001");
        assertThat(device.path("area_id").asText()).isEqualTo("living_room");
        assertThat(device.path("entity_count").asLong()).isEqualTo(1);

        JsonNode areas = http.get("/api/v1/areas").json();
        assertThat(ids(areas.path("areas"), "ha_area_id")).containsExactly("hall", "kitchen", "living_room");
        assertThat(areas.path("total").asLong()).isEqualTo(3);
        JsonNode kitchen = http.get("/api/v1/areas/kitchen").json();
        assertThat(kitchen.path("name").asText()).isEqualTo("Kitchen");
        assertThat(kitchen.path("icon").asText()).isEqualTo("mdi:stove");
        assertThat(kitchen.path("entity_count").asLong()).isEqualTo(2);
        assertThat(http.get("/api/v1/areas?floor_id=ground")
                        .json()
                        .path("total")
                        .asLong())
                .isZero();

        // A second sync finds the same home: nothing added or removed.
        JsonNode again = sync().json();
        assertThat(again.path("entities_added").asInt()).isZero();
        assertThat(again.path("entities_removed").asInt()).isZero();
        assertThat(again.path("entities_updated").asInt()).isEqualTo(haIds.size());
    }

    @Test
    void aStateChangeInHomeAssistantReachesTheMirrorWithoutASync() {
        sync();
        Http.Response on =
                ha.post("/api/services/light/turn_on", "{\"entity_id\": \"light.hall\", \"brightness\": 99}");
        assertThat(on.status()).as(on.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode hall = http.get("/api/v1/entities/light.hall").json();
            assertThat(hall.path("state").asText()).isEqualTo("on");
            assertThat(hall.path("attributes").path("brightness").asInt()).isEqualTo(99);
        });
        assertThat(ids(http.get("/api/v1/entities?state=on&domain=light").json().path("entities"), "entity_id"))
                .contains("light.hall");
        ha.post("/api/services/light/turn_off", "{\"entity_id\": \"light.hall\"}");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> http.get("/api/v1/entities/light.hall")
                        .json()
                        .path("state")
                        .asText()
                        .equals("off"));

        // A new entity: mirrored from its first state, named by friendly_name, not yet seen by a sync.
        String id = unique("sensor.mirror_new_");
        Http.Response created = ha.post(
                "/api/states/" + id, "{\"state\": \"12\", \"attributes\": {\"friendly_name\": \"Mirror new\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> http.get("/api/v1/entities/" + id).status() == 200);
        JsonNode fresh = http.get("/api/v1/entities/" + id).json();
        assertThat(fresh.path("name").asText()).isEqualTo("Mirror new");
        assertThat(fresh.path("state").asText()).isEqualTo("12");
        assertThat(fresh.path("last_synced_at").isNull()).isTrue();

        // Removed in HA: the event removes it.
        assertThat(ha.delete("/api/states/" + id).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> http.get("/api/v1/entities/" + id).status() == 404);
    }

    @Test
    void aSyncRemovesWhatHomeAssistantNoLongerHas() {
        String id = unique("sensor.mirror_gone_");
        assertThat(ha.post("/api/states/" + id, "{\"state\": \"1\"}").status()).isEqualTo(201);
        sync();
        assertThat(http.get("/api/v1/entities/" + id).status()).isEqualTo(200);

        // reset() re-seeds the demo home without firing events: only a sync can notice.
        HA.reset();
        assertThat(http.get("/api/v1/entities/" + id).status()).isEqualTo(200);
        JsonNode sync = sync().json();
        assertThat(sync.path("entities_removed").asInt()).isGreaterThanOrEqualTo(1);
        Http.Response gone = http.get("/api/v1/entities/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().path("error").path("type").asText()).isEqualTo("not_found");
        assertThat(http.get("/api/v1/entities?limit=1000").json().path("total").asLong())
                .isEqualTo(ha.get("/api/states").json().size());
    }

    @Test
    void aSyncThatReadHomeAssistantBeforeARemovalDoesNotBringTheEntityBack() throws Exception {
        String id = unique("sensor.mirror_race_");
        assertThat(ha.post("/api/states/" + id, "{\"state\": \"1\"}").status()).isEqualTo(201);
        sync();
        // get_states is answered as it was when asked, 1.5 s later: the removal's event overtakes it.
        HA.delayWebSocketReplies("get_states", Duration.ofMillis(1500));
        try {
            CompletableFuture<Http.Response> slowSync =
                    CompletableFuture.supplyAsync(() -> http.post("/api/v1/entities/sync", "{}"));
            Thread.sleep(500);
            assertThat(ha.delete("/api/states/" + id).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> http.get("/api/v1/entities/" + id).status() == 404);
            Http.Response done = slowSync.get(30, TimeUnit.SECONDS);
            assertThat(done.status()).as(done.body()).isEqualTo(200);
        } finally {
            HA.delayWebSocketReplies("get_states", Duration.ZERO);
        }
        assertThat(http.get("/api/v1/entities/" + id).status()).isEqualTo(404);
    }

    @Test
    void badFiltersAreRefusedInTheEnvelope() {
        for (String query : List.of(
                "/api/v1/entities?limit=0",
                "/api/v1/entities?limit=1001",
                "/api/v1/entities?offset=-1",
                "/api/v1/entities?domain=Light!",
                "/api/v1/entities?domain=",
                "/api/v1/entities?area_id=",
                "/api/v1/devices?limit=5000",
                "/api/v1/devices?offset=-5",
                "/api/v1/areas?limit=0")) {
            Http.Response response = http.get(query);
            assertThat(response.status()).as(query + " " + response.body()).isEqualTo(422);
            assertThat(response.json().path("error").path("type").asText()).isEqualTo("validation_error");
        }
        for (String query : List.of("/api/v1/entities?limit=abc", "/api/v1/areas?offset=1.5")) {
            Http.Response response = http.get(query);
            assertThat(response.status()).as(query + " " + response.body()).isEqualTo(400);
            assertThat(response.json().path("error").path("code").asInt()).isEqualTo(400);
        }
        Http.Response body = http.post("/api/v1/entities/sync", "{\"force\": \"yes please\"}");
        assertThat(body.status()).as(body.body()).isBetween(400, 422);
    }

    @Test
    void unknownIdsAreNotFound() {
        sync();
        for (String path : List.of(
                "/api/v1/entities/light.no_such_light",
                "/api/v1/entities/sync",
                "/api/v1/devices/no-such-device",
                "/api/v1/areas/no_such_area")) {
            Http.Response response = http.get(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.json().path("error").path("code").asInt()).isEqualTo(404);
        }
    }

    @Test
    void everyMirrorEndpointNeedsACredential() {
        for (String path : List.of(
                "/api/v1/entities",
                "/api/v1/entities/light.hall",
                "/api/v1/entities/domains/summary",
                "/api/v1/devices",
                "/api/v1/areas/hall")) {
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
        }
        assertThat(anonymous.post("/api/v1/entities/sync", "{}").status()).isEqualTo(401);
    }

    @Test
    void homeAssistantDownIsABadGatewayWithoutTheToken() {
        sync();
        HA.stopWebSocket();
        try {
            Http.Response down = http.post("/api/v1/entities/sync", (String) null);
            assertThat(down.status()).as(down.body()).isEqualTo(502);
            assertThat(down.json().path("error").path("type").asText()).isEqualTo("home_assistant_error");
            assertThat(down.json().path("error").path("message").asText()).startsWith("Home Assistant: ");
            assertThat(down.body()).doesNotContain(HA_TOKEN);
            // The mirror still answers from PostgreSQL.
            assertThat(http.get("/api/v1/entities/light.hall").status()).isEqualTo(200);
        } finally {
            HA.startWebSocket();
        }
        // The client reconnects by itself (back-off) and syncs again.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> http.post("/api/v1/entities/sync", (String) null).status() == 200);
    }

    @Test
    void mirrorAnswersMatchTheOpenApiDocument() {
        OpenApiContract contract =
                new OpenApiContract(anonymous.get("/api/openapi.json").json());
        sync();
        List<String> problems = new ArrayList<>();
        Map<String, Http.Response> gets = new TreeMap<>();
        for (String path : List.of(
                "/api/v1/entities",
                "/api/v1/entities?domain=light&limit=1",
                "/api/v1/entities?limit=0",
                "/api/v1/entities/light.hall",
                "/api/v1/entities/light.none",
                "/api/v1/entities/domains/summary",
                "/api/v1/devices",
                "/api/v1/devices/8f1c2a0b9d3e4f5a6b7c8d9e0f1a2b3c",
                "/api/v1/devices/none",
                "/api/v1/areas",
                "/api/v1/areas/hall",
                "/api/v1/areas/none")) {
            gets.put(path, http.get(path));
        }
        gets.forEach((path, r) -> problems.addAll(contract.problems("GET", path, r.status(), r.body())));
        Http.Response sync = http.post("/api/v1/entities/sync", "{}");
        problems.addAll(contract.problems("POST", "/api/v1/entities/sync", sync.status(), sync.body()));
        HA.stopWebSocket();
        try {
            Http.Response down = http.post("/api/v1/entities/sync", (String) null);
            problems.addAll(contract.problems("POST", "/api/v1/entities/sync", down.status(), down.body()));
            assertThat(down.status()).isEqualTo(502);
        } finally {
            HA.startWebSocket();
        }
        assertThat(problems).isEmpty();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> http.post("/api/v1/entities/sync", (String) null).status() == 200);
    }
}

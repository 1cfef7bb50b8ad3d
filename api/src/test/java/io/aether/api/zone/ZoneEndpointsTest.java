package io.aether.api.zone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import io.aether.simulator.HomeAssistantSimulator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * /zones against two simulated Home Assistant instances: setup made "Home" the default zone, a
 * second instance is added after Aether reached it, slugs stay unique, the default zone is what
 * Aether calls, the default and the last zone stay, tokens never come back and are stored
 * encrypted, and bad input changes nothing.
 */
class ZoneEndpointsTest extends IntegrationTest {
    private static final String SECOND_TOKEN = "second-zone-token";
    private static HomeAssistantSimulator second;

    @BeforeAll
    static void startSecondHome() {
        second = HomeAssistantSimulator.start(0, SECOND_TOKEN);
    }

    @AfterAll
    static void stopSecondHome() {
        second.stop();
    }

    @Test
    void setupMadeTheHomeZoneTheDefaultWithItsTokenEncrypted() {
        JsonNode home = homeZone();
        assertThat(home.get("slug").asText()).startsWith("home");
        assertThat(home.get("ha_url").asText()).isEqualTo(HA.baseUrl());
        assertThat(home.get("url_preference").asText()).isEqualTo("auto");
        assertThat(home.has("ha_token")).isFalse();
        assertThat(home.has("ha_token_encrypted")).isFalse();
        String stored = jdbc.sql("SELECT ha_token_encrypted FROM ha_zone WHERE id = :id")
                .param("id", UUID.fromString(home.get("id").asText()))
                .query(String.class)
                .single();
        assertThat(stored).isNotBlank().doesNotContain(HA_TOKEN);
    }

    @Test
    void aSecondInstanceIsAddedTestedMadeTheDefaultAndRemoved() {
        String name = "Holiday " + UUID.randomUUID().toString().substring(0, 8);
        long events = zoneEvents();
        Http.Response created = http.post("/api/v1/zones", zone(name, second.baseUrl(), SECOND_TOKEN));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode zone = created.json();
        String id = zone.get("id").asText();
        assertThat(created.header("Location")).endsWith("/api/v1/zones/" + id);
        assertThat(zone.get("is_default").asBoolean()).isFalse();
        assertThat(zone.get("latitude").asDouble()).isEqualTo(45.5);
        assertThat(zone.has("ha_token")).isFalse();
        String slug = zone.get("slug").asText();
        assertThat(slug).isEqualTo(name.toLowerCase().replace(' ', '-'));

        Http.Response twin = http.post("/api/v1/zones", zone(name, second.baseUrl(), SECOND_TOKEN));
        assertThat(twin.status()).as(twin.body()).isEqualTo(201);
        assertThat(twin.json().get("slug").asText()).as("a taken slug gets -2").isEqualTo(slug + "-2");

        Http.Response tested = http.post("/api/v1/zones/" + id + "/test", "");
        assertThat(tested.status()).as(tested.body()).isEqualTo(200);
        assertThat(tested.json().get("local_ok").asBoolean()).isTrue();
        assertThat(tested.json().get("local_version").asText()).isNotBlank();
        assertThat(tested.json().get("remote_ok").isNull()).as("no remote URL").isTrue();

        Http.Response renamed =
                http.patch("/api/v1/zones/" + id, "{\"name\": \"" + name + " (lake)\", \"icon\": \"mdi:home\"}");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().get("name").asText()).isEqualTo(name + " (lake)");
        assertThat(renamed.json().get("slug").asText()).as("the slug stays").isEqualTo(slug);
        assertThat(renamed.json().get("icon").asText()).isEqualTo("mdi:home");

        String homeId = homeZone().get("id").asText();
        try {
            Http.Response moved = http.post("/api/v1/zones/" + id + "/set-default", "");
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
            assertThat(moved.json().get("is_default").asBoolean()).isTrue();
            assertThat(zones().stream().filter(z -> z.get("is_default").asBoolean()))
                    .as("one default zone")
                    .hasSize(1);
            int before = second.requestCount("GET", "/api/");
            assertThat(http.get("/api/v1/status").status()).isEqualTo(200);
            assertThat(second.requestCount("GET", "/api/"))
                    .as("Aether now calls the default zone's Home Assistant")
                    .isGreaterThan(before);

            Http.Response refused = http.delete("/api/v1/zones/" + id);
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        } finally {
            assertThat(http.post("/api/v1/zones/" + homeId + "/set-default", "").status())
                    .isEqualTo(200);
        }
        assertThat(http.delete("/api/v1/zones/" + id).status()).isEqualTo(204);
        assertThat(http.delete("/api/v1/zones/" + twin.json().get("id").asText())
                        .status())
                .isEqualTo(204);
        assertThat(zones().stream().map(z -> z.get("id").asText())).doesNotContain(id);
        assertThat(http.delete("/api/v1/zones/" + id).status()).isEqualTo(404);

        // created twice, updated, made default, default moved back, deleted twice
        assertThat(zoneEvents() - events).isEqualTo(7);
        JsonNode audit = http.get("/api/v1/auth/audit?limit=20").json();
        assertThat(audit.toString()).doesNotContain(SECOND_TOKEN);
    }

    @Test
    void aTokenHomeAssistantRefusesIsNotStored() {
        int before = zones().size();
        long events = zoneEvents();
        Http.Response refused = http.post("/api/v1/zones", zone("Refused", second.baseUrl(), "wrong-token"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("error").get("type").asText()).isEqualTo("ha_verification_failed");
        assertThat(refused.body()).doesNotContain("wrong-token");
        assertThat(zones()).hasSize(before);
        assertThat(zoneEvents()).isEqualTo(events);
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        int before = zones().size();
        long events = eventCount();
        String url = second.baseUrl();
        assertRefused(http.post("/api/v1/zones", "{\"name\": \"x\", \"ha_url\": \"" + url + "\"}"));
        assertRefused(http.post(
                "/api/v1/zones",
                "{\"name\": \"x\", \"ha_url\": \"" + url
                        + "\", \"ha_token\": \"t\", \"url_preference\": \"sometimes\"}"));
        assertRefused(http.post(
                "/api/v1/zones",
                "{\"name\": \"x\", \"ha_url\": \"" + url + "\", \"ha_token\": \"t\", \"latitude\": 100}"));
        assertRefused(http.post(
                "/api/v1/zones", "{\"name\": \"x\", \"ha_url\": \"file:///etc/passwd\", \"ha_token\": \"t\"}"));
        assertRefused(http.post("/api/v1/zones", "{\"name\": 5, \"ha_url\": [], \"ha_token\": \"t\"}"));
        assertRefused(http.post("/api/v1/zones", "{not json"));
        String unknown = UUID.randomUUID().toString();
        assertThat(http.patch("/api/v1/zones/" + unknown, "{\"name\": \"y\"}").status())
                .isEqualTo(404);
        assertThat(http.post("/api/v1/zones/" + unknown + "/set-default", "").status())
                .isEqualTo(404);
        assertThat(http.post("/api/v1/zones/" + unknown + "/test", "").status()).isEqualTo(404);
        assertThat(http.delete("/api/v1/zones/not-a-uuid").status()).isEqualTo(400);
        String homeId = homeZone().get("id").asText();
        Http.Response defaultDelete = http.delete("/api/v1/zones/" + homeId);
        assertThat(defaultDelete.status()).as(defaultDelete.body()).isEqualTo(400);
        assertThat(defaultDelete.body()).contains("default zone");
        assertThat(zones()).hasSize(before);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void anApiKeyMayListZonesButNotChangeThem() {
        Http.Response key = http.post("/api/v1/auth/api-keys", Map.of("name", "zone-bot"));
        Http bot = new Http(
                anonymous.base(), Map.of("X-API-Key", key.json().get("key").asText()));
        assertThat(bot.get("/api/v1/zones").status()).isEqualTo(200);
        Http.Response refused = bot.post("/api/v1/zones", zone("Bot zone", second.baseUrl(), SECOND_TOKEN));
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(anonymous.get("/api/v1/zones").status()).isEqualTo(401);
    }

    private static String zone(String name, String url, String token) {
        return """
                {"name": "%s", "ha_url": "%s", "ha_token": "%s", "latitude": 45.5, "longitude": 6.1}""".formatted(name, url, token);
    }

    private void assertRefused(Http.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(400, 422);
        assertThat(response.json().has("error")).as(response.body()).isTrue();
    }

    private java.util.List<JsonNode> zones() {
        Http.Response list = http.get("/api/v1/zones");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return StreamSupport.stream(list.json().spliterator(), false).toList();
    }

    private JsonNode homeZone() {
        return zones().stream()
                .filter(z -> z.get("ha_url").asText().equals(HA.baseUrl())
                        && z.get("name").asText().equals("Home"))
                .findFirst()
                .orElseThrow();
    }

    private long zoneEvents() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%ZoneChanged'")
                .query(Long.class)
                .single();
    }
}

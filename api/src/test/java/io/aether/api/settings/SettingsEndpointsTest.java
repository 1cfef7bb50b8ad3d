package io.aether.api.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * /settings: every section with the original's defaults, PATCH merges keys and records one event
 * naming the principal, values out of range (or unknown keys and sections) are refused with 422 and
 * change nothing, and a reset puts one section back.
 */
class SettingsEndpointsTest extends IntegrationTest {

    @BeforeEach
    void defaults() {
        for (String section : new String[] {"chat", "dashboard", "data_science", "notifications"}) {
            assertThat(http.post("/api/v1/settings/reset", "{\"section\":\"" + section + "\"}")
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void everySectionHasTheOriginalsDefaults() {
        Http.Response settings = http.get("/api/v1/settings");
        assertThat(settings.status()).as(settings.body()).isEqualTo(200);
        JsonNode body = settings.json();
        assertThat(body.get("chat").get("stream_timeout_seconds").asInt()).isEqualTo(900);
        assertThat(body.get("chat").get("tool_timeout_seconds").asInt()).isEqualTo(30);
        assertThat(body.get("chat").get("analysis_tool_timeout_seconds").asInt())
                .isEqualTo(180);
        assertThat(body.get("chat").get("max_tool_iterations").asInt()).isEqualTo(10);
        assertThat(body.get("dashboard").get("default_refresh_interval_seconds").asInt())
                .isEqualTo(60);
        assertThat(body.get("dashboard").get("max_widgets").asInt()).isEqualTo(20);
        assertThat(body.get("data_science").get("sandbox_enabled").asBoolean()).isTrue();
        assertThat(body.get("data_science").get("sandbox_memory_deep").asInt()).isEqualTo(2048);
        assertThat(body.get("data_science").get("sandbox_artifacts_enabled").asBoolean())
                .isFalse();
        assertThat(body.get("notifications").get("enabled").asBoolean()).isTrue();
        assertThat(body.get("notifications").get("min_impact").asText()).isEqualTo("high");
        assertThat(body.get("notifications").get("quiet_hours_start").isNull()).isTrue();
        assertThat(body.get("notifications").has("quiet_hours_end")).isTrue();
    }

    @Test
    void aPatchMergesKeysAndRecordsOneEventWithThePrincipal() {
        long before = eventCount();
        Http.Response patched = http.patch("/api/v1/settings", """
                {"chat": {"max_tool_iterations": 20}, "notifications": {"quiet_hours_start": "22:30", "min_impact": "medium"}}""");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("chat").get("max_tool_iterations").asInt())
                .isEqualTo(20);
        assertThat(patched.json().get("chat").get("tool_timeout_seconds").asInt())
                .as("keys not named keep their values")
                .isEqualTo(30);
        assertThat(patched.json().get("notifications").get("quiet_hours_start").asText())
                .isEqualTo("22:30");
        assertThat(eventCount()).as("one request, one event").isEqualTo(before + 1);

        JsonNode read = http.get("/api/v1/settings").json();
        assertThat(read.get("chat").get("max_tool_iterations").asInt()).isEqualTo(20);
        assertThat(read.get("notifications").get("min_impact").asText()).isEqualTo("medium");

        String payload = jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                        + "WHERE aggregate_identifier = 'app-settings' ORDER BY sequence_number DESC LIMIT 1")
                .query(String.class)
                .single();
        assertThat(payload).contains("\"max_tool_iterations\":20").contains(OWNER);

        Http.Response again = http.patch("/api/v1/settings", "{\"chat\": {\"max_tool_iterations\": 20}}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(eventCount())
                .as("a change to the current value records nothing")
                .isEqualTo(before + 1);
    }

    @Test
    void valuesOutOfRangeUnknownKeysAndWrongTypesAre422AndChangeNothing() {
        String[] bad = {
            "{\"chat\": {\"max_tool_iterations\": 51}}",
            "{\"chat\": {\"max_tool_iterations\": 0}}",
            "{\"chat\": {\"max_tool_iterations\": 10.5}}",
            "{\"chat\": {\"max_tool_iterations\": \"20\"}}",
            "{\"chat\": {\"stream_timeout_seconds\": 59}}",
            "{\"chat\": {\"no_such_key\": 1}}",
            "{\"dashboard\": {\"max_widgets\": 101}}",
            "{\"data_science\": {\"sandbox_memory_deep\": 9000}}",
            "{\"data_science\": {\"sandbox_enabled\": \"yes\"}}",
            "{\"notifications\": {\"min_impact\": \"extreme\"}}",
            "{\"notifications\": {\"quiet_hours_start\": \"25:00\"}}",
            "{\"notifications\": {\"quiet_hours_end\": \"7am\"}}",
            "{\"appearance\": {\"theme\": \"dark\"}}",
            "{\"chat\": 5}",
            "{\"chat\": {\"max_tool_iterations\": 20}, \"dashboard\": {\"max_widgets\": 0}}"
        };
        long before = eventCount();
        for (String body : bad) {
            Http.Response response = http.patch("/api/v1/settings", body);
            assertThat(response.status()).as(body + " -> " + response.body()).isEqualTo(422);
            assertThat(response.json().get("error").get("message").asText()).isNotBlank();
        }
        assertThat(eventCount()).isEqualTo(before);
        assertThat(http.get("/api/v1/settings")
                        .json()
                        .get("chat")
                        .get("max_tool_iterations")
                        .asInt())
                .as("the valid half of a refused request was not applied")
                .isEqualTo(10);

        assertThat(http.patch("/api/v1/settings", "[1, 2]").status()).isEqualTo(400);
        assertThat(http.patch("/api/v1/settings", "{\"chat\": ").status()).isEqualTo(400);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aResetPutsOneSectionBackToItsDefaults() {
        http.patch(
                "/api/v1/settings", "{\"chat\": {\"tool_timeout_seconds\": 60}, \"dashboard\": {\"max_widgets\": 5}}");
        Http.Response reset = http.post("/api/v1/settings/reset", "{\"section\": \"chat\"}");
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        assertThat(reset.json().get("chat").get("tool_timeout_seconds").asInt()).isEqualTo(30);
        assertThat(reset.json().get("dashboard").get("max_widgets").asInt())
                .as("other sections keep their changes")
                .isEqualTo(5);

        long before = eventCount();
        assertThat(http.post("/api/v1/settings/reset", "{\"section\": \"chat\"}")
                        .status())
                .isEqualTo(200);
        assertThat(eventCount()).as("nothing to reset, nothing recorded").isEqualTo(before);
        assertThat(http.post("/api/v1/settings/reset", "{\"section\": \"appearance\"}")
                        .status())
                .isEqualTo(422);
        assertThat(http.post("/api/v1/settings/reset", "{}").status()).isIn(400, 422);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void settingsNeedAuthentication() {
        assertThat(anonymous.get("/api/v1/settings").status()).isEqualTo(401);
        assertThat(anonymous.patch("/api/v1/settings", "{}").status()).isEqualTo(401);
    }
}

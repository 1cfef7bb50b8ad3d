package io.aether.api.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import io.aether.api.support.OpenApiContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * /diagnostics/ha-health, /error-log and /config-check against the simulator's HA endpoints
 * ({@code /api/states}, {@code /api/config/config_entries/entry}, {@code /api/error_log},
 * {@code /api/config/core/check_config}): healthy and degraded homes, the demo log parsed into
 * entries and known patterns, a failing config check, the zone parameter, bad input, HA down (502
 * without the token), and the answers against the OpenAPI document.
 */
class DiagnosticsTest extends IntegrationTest {
    private static final String DIAGNOSTICS = "/api/v1/diagnostics";

    @AfterEach
    void restoreDiagnostics() {
        HA.setErrorLog(null);
        HA.setConfigCheck(null, null);
        HA.setConfigEntryState("met", "loaded", null);
    }

    private JsonNode get(String path) {
        Http.Response response = http.get(DIAGNOSTICS + path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> values(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(n -> n.path(field).asText())
                .toList();
    }

    @Test
    void haHealthListsUnavailableEntitiesAndIntegrationsThatAreNotLoaded() {
        Http ha = new Http(HA.baseUrl(), Map.of("Authorization", "Bearer " + HA_TOKEN));
        String broken =
                "sensor.diag_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        assertThat(ha.post(
                                "/api/states/" + broken,
                                "{\"state\": \"unavailable\", \"attributes\":"
                                        + " {\"friendly_name\": \"Attic sensor\"}}")
                        .status())
                .isEqualTo(201);
        HA.setConfigEntryState("met", "setup_retry", "Unable to connect");
        try {
            JsonNode health = get("/ha-health");
            assertThat(health.path("status").asText()).isEqualTo("degraded");
            assertThat(health.path("entities_total").asInt()).isGreaterThan(10);
            assertThat(health.path("unavailable_count").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(health.path("by_domain").path("sensor").asInt()).isGreaterThanOrEqualTo(1);
            JsonNode entity = StreamSupport.stream(
                            health.path("unavailable_entities").spliterator(), false)
                    .filter(e -> e.path("entity_id").asText().equals(broken))
                    .findFirst()
                    .orElseThrow();
            assertThat(entity.path("name").asText()).isEqualTo("Attic sensor");
            assertThat(entity.path("domain").asText()).isEqualTo("sensor");
            assertThat(entity.path("state").asText()).isEqualTo("unavailable");
            assertThat(health.path("integrations_total").asInt()).isEqualTo(4);
            JsonNode met = health.path("unhealthy_integrations").get(0);
            assertThat(health.path("unhealthy_integrations").size()).isEqualTo(1);
            assertThat(met.path("domain").asText()).isEqualTo("met");
            assertThat(met.path("state").asText()).isEqualTo("setup_retry");
            assertThat(met.path("reason").asText()).isEqualTo("Unable to connect");
            assertThat(met.path("entry_id").asText()).isNotBlank();
            // The scene of the demo home is "unknown" until activated: not a fault.
            assertThat(values(health.path("unavailable_entities"), "entity_id")).doesNotContain("scene.movie_time");
            assertThat(get("/ha-health?limit=1").path("unavailable_entities").size())
                    .isEqualTo(1);
        } finally {
            ha.delete("/api/states/" + broken);
            HA.setConfigEntryState("met", "loaded", null);
        }
        JsonNode healthy = get("/ha-health");
        assertThat(healthy.path("unhealthy_integrations").size()).isZero();
        assertThat(values(healthy.path("unavailable_entities"), "entity_id")).doesNotContain(broken);
    }

    @Test
    void theErrorLogIsParsedIntoEntriesCountsAndKnownPatterns() {
        JsonNode log = get("/error-log");
        JsonNode summary = log.path("summary");
        assertThat(summary.path("total_entries").asInt()).isEqualTo(6);
        assertThat(summary.path("by_level").path("ERROR").asInt()).isEqualTo(3);
        assertThat(summary.path("by_level").path("WARNING").asInt()).isEqualTo(2);
        assertThat(summary.path("by_level").path("INFO").asInt()).isEqualTo(1);
        assertThat(summary.path("by_integration").path("zha").asInt()).isEqualTo(1);
        assertThat(summary.path("by_integration").path("recorder").asInt()).isEqualTo(1);
        assertThat(summary.path("by_integration").path("homeassistant.setup").asInt())
                .isEqualTo(1);
        // Default level WARNING: the INFO line is counted, not listed.
        assertThat(log.path("entries").size()).isEqualTo(5);
        JsonNode zha = log.path("entries").get(1);
        assertThat(zha.path("level").asText()).isEqualTo("ERROR");
        assertThat(zha.path("integration").asText()).isEqualTo("zha");
        assertThat(zha.path("logger").asText()).isEqualTo("homeassistant.components.zha.core.gateway");
        assertThat(zha.path("thread").asText()).isEqualTo("MainThread");
        assertThat(zha.path("timestamp").asText()).isEqualTo("2026-01-01 08:00:05.871");
        assertThat(zha.path("message").asText()).startsWith("Couldn't start coordinator");
        assertThat(zha.path("traceback").asText())
                .startsWith("Traceback (most recent call last):")
                .endsWith("TimeoutError");
        assertThat(log.path("entries").get(0).path("traceback").isNull()).isTrue();
        List<String> patterns = values(log.path("known_patterns"), "pattern");
        assertThat(patterns)
                .contains(
                        "integration_not_ready", "connection_error", "template_error", "deprecation", "database_error");
        JsonNode template = StreamSupport.stream(log.path("known_patterns").spliterator(), false)
                .filter(p -> p.path("pattern").asText().equals("template_error"))
                .findFirst()
                .orElseThrow();
        assertThat(template.path("count").asInt()).isEqualTo(1);
        assertThat(template.path("integrations").get(0).asText()).isEqualTo("homeassistant.helpers.template");
        assertThat(template.path("suggestion").asText()).isNotBlank();
        assertThat(template.path("sample").asText()).startsWith("Template variable error");

        assertThat(get("/error-log?level=ERROR").path("entries").size()).isEqualTo(3);
        assertThat(get("/error-log?level=DEBUG").path("entries").size()).isEqualTo(6);
        JsonNode newest = get("/error-log?level=DEBUG&limit=2").path("entries");
        assertThat(newest.size()).isEqualTo(2);
        assertThat(newest.get(1).path("integration").asText()).isEqualTo("recorder");

        HA.setErrorLog("");
        JsonNode empty = get("/error-log");
        assertThat(empty.path("summary").path("total_entries").asInt()).isZero();
        assertThat(empty.path("known_patterns").size()).isZero();
        HA.setErrorLog("not a log line\n2026-01-02 10:00:00 CRITICAL (MainThread) [custom_components.hacs] boom");
        JsonNode custom = get("/error-log");
        assertThat(custom.path("summary").path("unparsed_lines").asInt()).isEqualTo(1);
        assertThat(custom.path("entries").get(0).path("integration").asText()).isEqualTo("hacs");
        assertThat(custom.path("summary").path("by_level").path("CRITICAL").asInt())
                .isEqualTo(1);
    }

    @Test
    void theConfigCheckIsHomeAssistantsOwn() {
        JsonNode valid = get("/config-check");
        assertThat(valid.path("result").asText()).isEqualTo("valid");
        assertThat(valid.path("valid").asBoolean()).isTrue();
        assertThat(valid.path("errors").isNull()).isTrue();
        assertThat(valid.path("warnings").isNull()).isTrue();
        assertThat(valid.path("checked_at").isTextual()).isTrue();
        assertThat(HA.requestCount("POST", "/api/config/core/check_config")).isGreaterThanOrEqualTo(1);

        HA.setConfigCheck(
                "Integration error: frobnicate - Integration 'frobnicate' not found.", "Platform error: sensor.legacy");
        JsonNode invalid = get("/config-check");
        assertThat(invalid.path("result").asText()).isEqualTo("invalid");
        assertThat(invalid.path("valid").asBoolean()).isFalse();
        assertThat(invalid.path("errors").asText()).contains("frobnicate");
        assertThat(invalid.path("warnings").asText()).contains("sensor.legacy");
    }

    @Test
    void aZoneIsChosenByZoneId() {
        JsonNode zones = http.get("/api/v1/zones").json();
        String home = zones.get(0).path("id").asText();
        JsonNode health = get("/ha-health?zone_id=" + home);
        assertThat(health.path("zone_id").asText()).isEqualTo(home);
        assertThat(get("/error-log?zone_id=" + home).path("zone_id").asText()).isEqualTo(home);
        assertThat(get("/config-check?zone_id=" + home).path("valid").asBoolean())
                .isTrue();
        assertThat(get("/config-check").path("zone_id").isNull()).isTrue();

        for (String path : List.of("/ha-health", "/error-log", "/config-check")) {
            Http.Response unknown = http.get(DIAGNOSTICS + path + "?zone_id=" + UUID.randomUUID());
            assertThat(unknown.status()).as(path + " " + unknown.body()).isEqualTo(404);
            Http.Response notUuid = http.get(DIAGNOSTICS + path + "?zone_id=home");
            assertThat(notUuid.status()).as(path + " " + notUuid.body()).isEqualTo(400);
        }
    }

    @Test
    void badInputIsRefusedAndHomeAssistantDownIsABadGateway() {
        for (String path : List.of(
                "/ha-health?limit=0",
                "/ha-health?limit=1001",
                "/error-log?limit=0",
                "/error-log?level=LOUD",
                "/error-log?level=error")) {
            Http.Response response = http.get(DIAGNOSTICS + path);
            assertThat(response.status()).as(path + " " + response.body()).isEqualTo(422);
            assertThat(response.json().path("error").path("type").asText()).isEqualTo("validation_error");
        }
        for (String path : List.of("/ha-health", "/error-log", "/config-check")) {
            assertThat(anonymous.get(DIAGNOSTICS + path).status()).as(path).isEqualTo(401);
        }
        HA.setAvailable(false);
        try {
            for (String path : List.of("/ha-health", "/error-log", "/config-check")) {
                Http.Response down = http.get(DIAGNOSTICS + path);
                assertThat(down.status()).as(path + " " + down.body()).isEqualTo(502);
                assertThat(down.json().path("error").path("type").asText()).isEqualTo("home_assistant_error");
                assertThat(down.json().path("error").path("message").asText()).startsWith("Home Assistant: ");
                assertThat(down.body()).doesNotContain(HA_TOKEN);
            }
        } finally {
            HA.setAvailable(true);
        }
    }

    @Test
    void answersMatchTheOpenApiDocument() {
        OpenApiContract contract =
                new OpenApiContract(anonymous.get("/api/openapi.json").json());
        HA.setConfigEntryState("met", "setup_error", null);
        HA.setConfigCheck("bad", null);
        List<String> problems = new ArrayList<>();
        for (String path : List.of(
                DIAGNOSTICS + "/ha-health",
                DIAGNOSTICS + "/error-log",
                DIAGNOSTICS + "/error-log?limit=0",
                DIAGNOSTICS + "/config-check",
                DIAGNOSTICS + "/config-check?zone_id=" + UUID.randomUUID())) {
            Http.Response r = http.get(path);
            problems.addAll(contract.problems("GET", path, r.status(), r.body()));
        }
        HA.setAvailable(false);
        try {
            Http.Response down = http.get(DIAGNOSTICS + "/ha-health");
            problems.addAll(contract.problems("GET", DIAGNOSTICS + "/ha-health", down.status(), down.body()));
        } finally {
            HA.setAvailable(true);
        }
        assertThat(problems).isEmpty();
    }
}

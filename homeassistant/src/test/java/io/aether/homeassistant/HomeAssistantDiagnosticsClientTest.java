package io.aether.homeassistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.simulator.HomeAssistantSimulator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client's diagnostics calls against the simulator's HA endpoints: {@code GET /api/error_log}
 * (plain text), {@code POST /api/config/core/check_config} and {@code GET
 * /api/config/config_entries/entry}, in HA's shapes, and HA stopping (503) as UNAVAILABLE.
 */
class HomeAssistantDiagnosticsClientTest {
    private static final String TOKEN = "diagnostics-test-token";
    private static HomeAssistantSimulator ha;
    private static HomeAssistantClient client;

    @BeforeAll
    static void start() {
        ha = HomeAssistantSimulator.start(0, TOKEN);
        client = new HomeAssistantClient(
                new HomeAssistantSettings(ha.baseUrl(), TOKEN, Duration.ofSeconds(2), Duration.ofSeconds(5)),
                new ObjectMapper());
    }

    @AfterAll
    static void stop() {
        ha.stop();
    }

    @Test
    void errorLogIsThePlainTextLog() {
        assertThat(client.errorLog()).contains("ERROR (MainThread) [homeassistant.components.zha.core.gateway]");
        ha.setErrorLog("2026-01-01 10:00:00.000 ERROR (MainThread) [homeassistant.components.hue] gone");
        assertThat(client.errorLog())
                .isEqualTo("2026-01-01 10:00:00.000 ERROR (MainThread) [homeassistant.components.hue] gone");
        ha.setErrorLog(null);
    }

    @Test
    void checkConfigAnswersValidOrInvalidWithHasTexts() {
        JsonNode valid = client.checkConfig();
        assertThat(valid.path("result").asText()).isEqualTo("valid");
        assertThat(valid.path("errors").isNull()).isTrue();
        assertThat(valid.path("warnings").isNull()).isTrue();
        ha.setConfigCheck("Invalid config for 'light'", null);
        JsonNode invalid = client.checkConfig();
        assertThat(invalid.path("result").asText()).isEqualTo("invalid");
        assertThat(invalid.path("errors").asText()).isEqualTo("Invalid config for 'light'");
        ha.setConfigCheck(null, null);
    }

    @Test
    void configEntriesCarryTheirState() {
        List<JsonNode> entries = client.configEntries();
        assertThat(entries).extracting(e -> e.path("domain").asText()).contains("hue", "zha", "sun", "met");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.path("entry_id").asText()).isNotBlank();
            assertThat(e.has("disabled_by")).isTrue();
            assertThat(e.has("reason")).isTrue();
        });
        ha.setConfigEntryState("zha", "setup_error", "Coordinator missing");
        JsonNode zha = client.configEntries().stream()
                .filter(e -> e.path("domain").asText().equals("zha"))
                .findFirst()
                .orElseThrow();
        assertThat(zha.path("state").asText()).isEqualTo("setup_error");
        assertThat(zha.path("reason").asText()).isEqualTo("Coordinator missing");
        ha.setConfigEntryState("zha", "loaded", null);
    }

    @Test
    void haStoppingIsUnavailable() {
        ha.setAvailable(false);
        try {
            assertThatThrownBy(client::errorLog)
                    .isInstanceOfSatisfying(
                            HomeAssistantException.class,
                            e -> assertThat(e.kind()).isEqualTo(HomeAssistantException.Kind.UNAVAILABLE))
                    .hasMessageNotContaining(TOKEN);
            assertThatThrownBy(client::checkConfig).isInstanceOf(HomeAssistantException.class);
            assertThatThrownBy(client::configEntries).isInstanceOf(HomeAssistantException.class);
        } finally {
            ha.setAvailable(true);
        }
    }
}

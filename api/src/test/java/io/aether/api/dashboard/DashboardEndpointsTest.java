package io.aether.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** GET /dashboards and GET /dashboards/{url_path}/config against the simulator's WebSocket. */
class DashboardEndpointsTest extends IntegrationTest {

    @Test
    void listsTheStorageDashboards() {
        Http.Response response = http.get("/api/v1/dashboards");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode list = response.json();
        assertThat(list.isArray()).isTrue();
        JsonNode home = list.get(0);
        assertThat(home.get("url_path").asText()).isEqualTo("dashboard-home");
        assertThat(home.get("mode").asText()).isEqualTo("storage");
        assertThat(home.get("title").asText()).isEqualTo("Home");
        assertThat(home.has("id")).isTrue();
    }

    @Test
    void answersADashboardsConfig() {
        Http.Response response = http.get("/api/v1/dashboards/dashboard-home/config");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json())
                .isEqualTo(HA.dashboardConfig("dashboard-home").orElseThrow());
        assertThat(response.json().get("views").isArray()).isTrue();
    }

    @Test
    void anUnknownDashboardIs404AndAMalformedPath400() {
        Http.Response unknown = http.get("/api/v1/dashboards/no-such-board/config");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.json().get("error").get("message").asText()).contains("no-such-board");
        assertThat(http.get("/api/v1/dashboards/Bad%20Path/config").status()).isEqualTo(400);
        // The default dashboard was never saved in the demo home: HA says config_not_found.
        assertThat(http.get("/api/v1/dashboards/default/config").status()).isEqualTo(404);
    }

    @Test
    void homeAssistantFailingIs502WithItsMessage() {
        HA.setWebSocketAdmin(true);
        HA.stopWebSocket();
        try {
            Http.Response response = http.get("/api/v1/dashboards");
            assertThat(response.status()).as(response.body()).isEqualTo(502);
            assertThat(response.json().get("error").get("message").asText()).startsWith("Home Assistant");
            assertThat(response.body()).doesNotContain(HA_TOKEN);
        } finally {
            HA.startWebSocket();
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> http.get("/api/v1/dashboards").status() == 200);
        }
    }

    @Test
    void anonymousCallersAreRefused() {
        assertThat(anonymous.get("/api/v1/dashboards").status()).isEqualTo(401);
    }
}

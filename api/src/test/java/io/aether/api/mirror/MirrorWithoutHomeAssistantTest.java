package io.aether.api.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.support.Http;
import io.aether.api.support.OwnServer;
import io.aether.simulator.HomeAssistantSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A server of its own that starts with no Home Assistant configured, then is set up with an HA
 * whose WebSocket (AETHER_HA_WEBSOCKET_URL: a second simulator with another token) refuses the
 * token: the server starts and answers, the mirror stays empty, a sync is a 502 with HA's message
 * and never the token. Its database then holds 10,000 entities: the list filters read their
 * indexes.
 */
class MirrorWithoutHomeAssistantTest {
    private static final String TOKEN = "mirror-own-server-token";
    private static final String PASSWORD = "mirror own server password";
    private static HomeAssistantSimulator ha;
    private static HomeAssistantSimulator otherHa;
    private static OwnServer server;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        ha = HomeAssistantSimulator.start(0, TOKEN);
        otherHa = HomeAssistantSimulator.start(0, "another-home-token");
        Path dir = Files.createTempDirectory("aether-mirror-");
        server = OwnServer.start(dir, "", "", "--aether.ha.websocket-url=" + otherHa.wsUrl());
        Http anonymous = server.http();
        assertThat(anonymous.get("/api/v1/health").status()).isEqualTo(200);
        Http.Response setup = anonymous.post(
                "/api/v1/auth/setup", Map.of("ha_url", ha.baseUrl(), "ha_token", TOKEN, "password", PASSWORD));
        assertThat(setup.status()).as(setup.body()).isEqualTo(200);
        http = anonymous.withBearer(setup.json().get("token").asText());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (ha != null) {
            ha.stop();
        }
        if (otherHa != null) {
            otherHa.stop();
        }
    }

    @Test
    void withATokenTheWebSocketRefusesTheServerAnswersAndASyncIsABadGateway() {
        JsonNode empty = http.get("/api/v1/entities").json();
        assertThat(empty.path("total").asLong()).isZero();
        assertThat(empty.path("last_synced_at").isNull()).isTrue();
        assertThat(http.get("/api/v1/entities/domains/summary").json().size()).isZero();

        Http.Response sync = http.post("/api/v1/entities/sync", "{}");
        assertThat(sync.status()).as(sync.body()).isEqualTo(502);
        assertThat(sync.json().path("error").path("type").asText()).isEqualTo("home_assistant_error");
        assertThat(sync.json().path("error").path("message").asText())
                .startsWith("Home Assistant: ")
                .contains("Invalid access token or password");
        assertThat(sync.body()).doesNotContain(TOKEN);
        assertThat(http.get("/api/v1/health").status()).isEqualTo(200);
    }

    @Test
    void tenThousandEntitiesAreListedFromTheIndexes() {
        JdbcClient jdbc = server.bean(JdbcClient.class);
        JdbcTemplate template = server.bean(JdbcTemplate.class);
        template.execute("""
                INSERT INTO ha_entity (entity_id, id, domain, name, state, area_id, updated_at)
                SELECT 'd' || (i % 50) || '.e' || i, gen_random_uuid(), 'd' || (i % 50), 'Entity ' || i,
                       's' || (i % 10), 'area_' || (i % 100), now()
                FROM generate_series(1, 10000) AS i""");
        template.execute("ANALYZE ha_entity");
        try {
            listsUseTheIndexes(jdbc);
        } finally {
            template.execute("DELETE FROM ha_entity");
        }
    }

    private static void listsUseTheIndexes(JdbcClient jdbc) {
        long domainScans = indexScans(jdbc, "ha_entity_domain");
        long areaScans = indexScans(jdbc, "ha_entity_area");
        JsonNode byDomain = http.get("/api/v1/entities?domain=d7&limit=1000").json();
        assertThat(byDomain.path("total").asLong()).isEqualTo(200);
        assertThat(byDomain.path("entities").size()).isEqualTo(200);
        JsonNode byArea =
                http.get("/api/v1/entities?area_id=area_42&limit=10&offset=90").json();
        assertThat(byArea.path("total").asLong()).isEqualTo(100);
        assertThat(byArea.path("entities").size()).isEqualTo(10);
        JsonNode all = http.get("/api/v1/entities?limit=1000&offset=9500").json();
        assertThat(all.path("total").asLong()).isEqualTo(10_000);
        assertThat(all.path("entities").size()).isEqualTo(500);
        assertThat(http.get("/api/v1/entities/domains/summary")
                        .json()
                        .path("d7")
                        .asLong())
                .isEqualTo(200);

        // PostgreSQL's statistics are written at the end of a transaction and read with a delay.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(indexScans(jdbc, "ha_entity_domain")).isGreaterThan(domainScans);
            assertThat(indexScans(jdbc, "ha_entity_area")).isGreaterThan(areaScans);
        });
    }

    private static long indexScans(JdbcClient jdbc, String index) {
        return jdbc.sql("SELECT idx_scan FROM pg_stat_user_indexes WHERE indexrelname = :index")
                .param("index", index)
                .query(Long.class)
                .single();
    }
}

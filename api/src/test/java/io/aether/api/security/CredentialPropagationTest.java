package io.aether.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aether.api.platform.config.EmbeddedPostgresServer;
import io.aether.api.support.Http;
import io.aether.api.support.OwnServer;
import io.aether.simulator.HomeAssistantSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes (two application contexts) on one database: sessions and API keys are checked from
 * memory on each node, and a logout, a password change or a key revocation on node A must be
 * refused on node B within a second.
 */
class CredentialPropagationTest {
    private static final String HA_TOKEN = "two-nodes-ha-token";
    private static final String OWNER = "admin";
    private static final String PASSWORD = "two nodes password 1";
    private static final String NEW_PASSWORD = "two nodes password 2";
    private static final Duration WITHIN = Duration.ofSeconds(1);

    @TempDir
    static Path dataDirs;

    private static HomeAssistantSimulator ha;
    private static OwnServer nodeA;
    private static OwnServer nodeB;
    private static Http a;
    private static Http b;
    /** The owner's password; one test changes it. */
    private static String password = PASSWORD;

    @BeforeAll
    static void startTwoNodes() {
        ha = HomeAssistantSimulator.start(0, HA_TOKEN);
        // Both nodes must read what the other encrypted (HA token) and sign alike.
        String secretKey = Base64.getEncoder().encodeToString(new byte[32]);
        String jwtSecret = "two-nodes-jwt-secret-0123456789abcdef-0123456789abcdef";
        nodeA = OwnServer.start(
                dataDirs.resolve("a"),
                ha.baseUrl(),
                HA_TOKEN,
                "--aether.auth.secret-key=" + secretKey,
                "--aether.auth.jwt-secret=" + jwtSecret);
        nodeB = OwnServer.start(
                dataDirs.resolve("b"),
                ha.baseUrl(),
                HA_TOKEN,
                "--aether.db.url=" + nodeA.bean(EmbeddedPostgresServer.class).jdbcUrl(),
                "--aether.db.user=postgres",
                "--aether.auth.secret-key=" + secretKey,
                "--aether.auth.jwt-secret=" + jwtSecret);
        a = nodeA.http();
        b = nodeB.http();
        Http.Response setup = a.post(
                "/api/v1/auth/setup", Map.of("ha_url", ha.baseUrl(), "ha_token", HA_TOKEN, "password", PASSWORD));
        assertThat(setup.status()).as(setup.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
        ha.stop();
    }

    @Test
    void logoutOnNodeARefusesTheTokenOnNodeBWithinASecond() {
        String token = a.signIn(OWNER, password).defaultToken();
        assertThat(b.withBearer(token).get("/api/v1/auth/me").status()).isEqualTo(200);
        assertAnsweredFromMemory();

        assertThat(a.withBearer(token).post("/api/v1/auth/logout", "{}").status())
                .isEqualTo(200);

        assertThat(a.withBearer(token).get("/api/v1/auth/me").status())
                .as("on node A at once")
                .isEqualTo(401);
        await().atMost(WITHIN)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> b.withBearer(token).get("/api/v1/auth/me").status() == 401);
    }

    @Test
    void passwordChangeOnNodeAEndsEarlierSessionsOnNodeBWithinASecond() {
        String before = a.signIn(OWNER, password).defaultToken();
        assertThat(b.withBearer(before).get("/api/v1/auth/me").status()).isEqualTo(200);
        assertAnsweredFromMemory();

        Http.Response changed = a.withBearer(before)
                .post("/api/v1/auth/password", Map.of("current_password", password, "new_password", NEW_PASSWORD));
        password = NEW_PASSWORD;
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        String after = changed.json().get("token").asText();

        // The new session works on node B at once, even before B has heard of the change.
        assertThat(b.withBearer(after).get("/api/v1/auth/me").status()).isEqualTo(200);
        assertThat(a.withBearer(before).get("/api/v1/auth/me").status())
                .as("on node A at once")
                .isEqualTo(401);
        await().atMost(WITHIN)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> b.withBearer(before).get("/api/v1/auth/me").status() == 401);
        assertThat(b.withBearer(after).get("/api/v1/auth/me").status()).isEqualTo(200);
    }

    @Test
    void apiKeyRevokedOnNodeAIsRefusedOnNodeBWithinASecond() {
        Http owner = a.signIn(OWNER, password);
        Http.Response created = owner.post("/api/v1/auth/api-keys", Map.of("name", "two nodes"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        Map<String, String> key = Map.of(
                CredentialAuthenticationFilter.API_KEY_HEADER,
                created.json().get("key").asText());
        Http keyOnA = new Http(a.base(), key);
        Http keyOnB = new Http(b.base(), key);
        // Known to node B (from its view once the creation's notice arrived, else from the database).
        assertThat(keyOnB.get("/api/v1/auth/me").status()).isEqualTo(200);
        await().atMost(WITHIN)
                .until(() -> nodeB.bean(CredentialRevocations.class)
                        .activeKey(ApiKeys.hash(key.values().iterator().next()))
                        .isPresent());

        assertAnsweredFromMemory();
        assertThat(owner.delete("/api/v1/auth/api-keys/" + id).status()).isEqualTo(200);

        assertThat(keyOnA.get("/api/v1/auth/me").status())
                .as("on node A at once")
                .isEqualTo(401);
        await().atMost(WITHIN)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> keyOnB.get("/api/v1/auth/me").status() == 401);
    }

    @Test
    void aNodeWhoseListenerIsDownAsksTheDatabase() {
        CredentialRevocations revocationsOnB = nodeB.bean(CredentialRevocations.class);
        String token = a.signIn(OWNER, password).defaultToken();
        assertThat(b.withBearer(token).get("/api/v1/auth/me").status()).isEqualTo(200);
        revocationsOnB.stop();
        try {
            assertThat(revocationsOnB.confirmed()).isFalse();
            assertThat(b.withBearer(token).get("/api/v1/auth/me").status()).isEqualTo(200);

            assertThat(a.withBearer(token).post("/api/v1/auth/logout", "{}").status())
                    .isEqualTo(200);

            // No notice can reach node B now; it refuses the token at once from the database.
            assertThat(b.withBearer(token).get("/api/v1/auth/me").status()).isEqualTo(401);
        } finally {
            revocationsOnB.start();
        }
    }

    /** Both nodes decide from their in-memory view (not the database fallback), which is what is tested. */
    private static void assertAnsweredFromMemory() {
        await().atMost(WITHIN)
                .until(() -> nodeA.bean(CredentialRevocations.class).confirmed()
                        && nodeB.bean(CredentialRevocations.class).confirmed());
    }
}

package io.aether.api.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.platform.AetherApplication;
import io.aether.simulator.HomeAssistantSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real application over HTTP, on a real PostgreSQL (the embedded one in a fresh data
 * directory, or the server named by AETHER_DB_URL) and the Home Assistant simulator. Every
 * subclass shares one application context.
 */
@SpringBootTest(classes = AetherApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {
    public static final String HA_TOKEN = "test-ha-token";
    public static final String OWNER = "admin";
    public static final String OWNER_PASSWORD = "correct horse battery staple";
    /** Known to the tests so that they can forge tokens signed with the server's own key. */
    public static final String JWT_SECRET = "integration-test-jwt-secret-0123456789abcdef-0123456789abcdef-xyz";
    /** One session for the whole run: setup happens once per database. */
    private static String sessionToken;

    protected static final HomeAssistantSimulator HA;
    private static final Path DATA_DIR;

    static {
        AetherApplication.disableAxonPhoneHome();
        HA = HomeAssistantSimulator.start(0, HA_TOKEN);
        try {
            DATA_DIR = Files.createTempDirectory("aether-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("aether.ha.url", HA::baseUrl);
        registry.add("aether.ha.token", () -> HA_TOKEN);
        // The simulator serves its WebSocket API on a second port (real HA: the same one).
        registry.add("aether.ha.websocket-url", HA::wsUrl);
        registry.add("aether.data-dir", DATA_DIR::toString);
        registry.add("aether.deploy.wait-timeout", () -> "20s");
        registry.add("aether.auth.jwt-secret", () -> JWT_SECRET);
        // Cheap hashes keep sign-in tests fast; production uses strength 12.
        registry.add("aether.auth.bcrypt-strength", () -> "4");
        // Every test signs in from 127.0.0.1; the limiter has its own test with its own server.
        registry.add("aether.security.rate-limit.attempts", () -> "100000");
        // Chat turns per credential likewise (ChatWithModelTest has its own server with a low limit).
        registry.add("aether.chat.rate-limit.attempts", () -> "100000");
        // Spring Boot test contexts turn metrics export off; GET /api/v1/metrics/prometheus needs it.
        registry.add("management.prometheus.metrics.export.enabled", () -> "true");
        // Audit-log streams: a heartbeat a test can wait for.
        registry.add("aether.events.stream.heartbeat", () -> "1s");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    /** Signed in as the owner (Bearer session token). */
    protected Http http;
    /** No credential at all. */
    protected Http anonymous;

    @BeforeEach
    void connect() {
        HA.setAvailable(true);
        anonymous = new Http("http://127.0.0.1:" + port);
        http = anonymous.withBearer(ownerSession(anonymous));
    }

    /** Runs first-time setup against the simulator the first time any test needs a session. */
    private static synchronized String ownerSession(Http anonymous) {
        if (sessionToken == null) {
            Http.Response status = anonymous.get("/api/v1/auth/setup-status");
            if (!status.json().get("setup_complete").asBoolean()) {
                Http.Response setup = anonymous.post(
                        "/api/v1/auth/setup",
                        Map.of("ha_url", HA.baseUrl(), "ha_token", HA_TOKEN, "password", OWNER_PASSWORD));
                assertThat(setup.status()).as(setup.body()).isEqualTo(200);
                sessionToken = setup.json().get("token").asText();
            } else {
                sessionToken = anonymous.signIn(OWNER, OWNER_PASSWORD).defaultToken();
            }
        }
        return sessionToken;
    }

    /** Number of events in the store: bad input must not change it. */
    protected long eventCount() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry")
                .query(Long.class)
                .single();
    }

    protected static final String AUTOMATION = """
            {"name": "Hall light on motion",
             "description": "Turn the hall light on when motion is seen",
             "trigger": [{"trigger": "state", "entity_id": ["binary_sensor.hall_motion"], "to": ["on"]}],
             "actions": [{"action": "light.turn_on", "target": {"entity_id": "light.hall"}}]}""";

    /** Creates a proposal from JSON and returns its id. */
    protected String create(String body) {
        Http.Response response = http.post("/api/v1/proposals", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    protected String createApproved() {
        String id = create(AUTOMATION);
        assertThat(http.post("/api/v1/proposals/" + id + "/approve", "{}").status())
                .isEqualTo(200);
        return id;
    }

    protected String createDeployed() {
        String id = createApproved();
        Http.Response deploy = http.post("/api/v1/proposals/" + id + "/deploy", (String) null);
        assertThat(deploy.status()).as(deploy.body()).isEqualTo(200);
        assertThat(deploy.json().get("success").asBoolean()).as(deploy.body()).isTrue();
        return id;
    }

    protected JsonNode proposal(String id) {
        Http.Response response = http.get("/api/v1/proposals/" + id);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    protected static String haId(String proposalId) {
        return "aether_" + proposalId.replace("-", "");
    }

    protected static Map<String, String> ifMatch(int version) {
        return Map.of("If-Match", "\"" + version + "\"");
    }

    /** Waits until this node holds every proposal-list segment and the projection is at the head, not replaying. */
    protected void awaitProposalListCaughtUp() {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    JsonNode processors = http.get("/api/v1/projections").json();
                    return StreamSupport.stream(processors.spliterator(), false)
                            .filter(p -> p.get("name").asText().equals("proposal-list"))
                            .allMatch(p -> !p.get("replaying").asBoolean()
                                    && p.get("lag").isNumber()
                                    && p.get("lag").asLong() == 0
                                    && p.get("segments").asInt()
                                            == p.get("total_segments").asInt());
                });
    }
}

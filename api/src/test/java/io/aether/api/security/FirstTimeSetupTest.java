package io.aether.api.security;

import static io.aether.api.security.AuthEndpointsTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.aether.api.support.Http;
import io.aether.api.support.OwnServer;
import io.aether.simulator.HomeAssistantSimulator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fresh installation, on a server of its own: setup from nothing (with the URL checks that keep
 * it from being a request-forgery tool), secrets at rest, password change, rate limiting, and the
 * https behaviour behind a proxy.
 */
class FirstTimeSetupTest {
    private static final String HA_TOKEN = "first-setup-ha-token";
    private static final String PASSWORD = "first password 123";
    private static final String NEW_PASSWORD = "second password 456";
    private static final String FRONT_END = "https://app.example";
    private static final String TARGET_SECRET = "INTERNAL-PAGE-CONTENT-7f3a";
    private static HomeAssistantSimulator ha;
    private static HttpServer decoys;

    @BeforeAll
    static void start() throws IOException {
        ha = HomeAssistantSimulator.start(0, HA_TOKEN);
        // Not Home Assistant: a page whose content must never come back to the caller, and a redirect.
        decoys = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        decoys.createContext("/page/", exchange -> {
            byte[] body = TARGET_SECRET.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        decoys.createContext("/error/", exchange -> {
            byte[] body = ("{\"message\": \"" + TARGET_SECRET + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(500, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        decoys.createContext("/redirect/", exchange -> {
            exchange.getResponseHeaders().add("Location", ha.baseUrl() + "/api/");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        decoys.start();
    }

    @AfterAll
    static void stop() {
        ha.stop();
        decoys.stop(0);
    }

    @Test
    void aFreshInstallationIsSetUpOnceAndThenGuardedByItsPassword(@TempDir Path dataDir) throws IOException {
        try (OwnServer server = OwnServer.start(
                dataDir,
                "",
                "",
                "--aether.security.rate-limit.attempts=8",
                // Refilled over an hour, so a slow machine does not earn an attempt back mid-test.
                "--aether.security.rate-limit.period=1h",
                "--server.forward-headers-strategy=native",
                "--aether.auth.cors-origins=" + FRONT_END)) {
            Http anonymous = server.http();
            JdbcClient db = server.bean(JdbcClient.class);
            assertThat(anonymous
                            .get("/api/v1/auth/setup-status")
                            .json()
                            .get("setup_complete")
                            .asBoolean())
                    .isFalse();
            assertError(anonymous.get("/api/v1/proposals"), 401, "unauthorized");
            assertError(
                    anonymous.post("/api/v1/auth/login", Map.of("username", "admin", "password", PASSWORD)),
                    501,
                    "not_configured");

            // Setup attempts 1-6 of 8: refused without storing anything.
            for (String url : new String[] {
                "ftp://127.0.0.1/", "http://admin:secret@127.0.0.1:1/", "http://169.254.169.254/latest/meta-data"
            }) {
                assertError(setup(anonymous, url, HA_TOKEN), 422, "validation_error");
            }
            String decoy = "http://127.0.0.1:" + decoys.getAddress().getPort();
            for (String url : new String[] {decoy + "/page", decoy + "/error", decoy + "/redirect"}) {
                Http.Response refused = setup(anonymous, url, HA_TOKEN);
                assertError(refused, 400, "ha_verification_failed");
                assertThat(refused.body()).doesNotContain(TARGET_SECRET);
            }
            assertThat(ha.requestCount("GET", "/api/"))
                    .as("the redirect was not followed")
                    .isZero();
            // (the default tool groups, seeded at start-up, are the only events before setup)
            assertThat(db.sql(
                                    "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier NOT LIKE 'tool-group:%'")
                            .query(Long.class)
                            .single())
                    .isZero();

            // 7: a wrong token is refused by Home Assistant.
            Http.Response wrongToken = setup(anonymous, ha.baseUrl(), "not-the-token");
            assertError(wrongToken, 400, "ha_verification_failed");
            assertThat(wrongToken.json().get("error").get("message").asText()).contains("token was refused");

            // 8: the real one.
            Http.Response setup = setup(anonymous, ha.baseUrl(), HA_TOKEN);
            assertThat(setup.status()).as(setup.body()).isEqualTo(200);
            assertThat(setup.json().get("message").asText()).isEqualTo("Setup complete");
            String setupSession = setup.json().get("token").asText();
            assertThat(setup.header("Set-Cookie")).startsWith("aether_session=" + setupSession);
            assertThat(anonymous
                            .get("/api/v1/auth/setup-status")
                            .json()
                            .get("setup_complete")
                            .asBoolean())
                    .isTrue();

            // Secrets at rest: the HA token encrypted with a key kept outside the database.
            String stored = db.sql("SELECT ha_token_encrypted FROM auth_setup")
                    .query(String.class)
                    .single();
            assertThat(stored).startsWith("v1:").doesNotContain(HA_TOKEN);
            assertThat(db.sql("SELECT password_hash FROM auth_setup")
                            .query(String.class)
                            .single())
                    .startsWith("$2")
                    .doesNotContain(PASSWORD);
            assertThat(db.sql("SELECT value_encrypted FROM auth_secret WHERE name = 'jwt_signing_key'")
                            .query(String.class)
                            .single())
                    .startsWith("v1:");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("secret.key"))))
                    .isEqualTo("rw-------");
            // Deployments now use the stored Home Assistant (the server was started without one).
            Http owner = anonymous.withBearer(setupSession);
            JsonNode components = anonymous.get("/api/v1/status").json().get("components");
            JsonNode homeAssistant = null;
            for (JsonNode component : components) {
                if (component.get("name").asText().equals("home_assistant")) {
                    homeAssistant = component;
                }
            }
            assertThat(homeAssistant).as(components.toString()).isNotNull();
            assertThat(homeAssistant.get("status").asText())
                    .as(homeAssistant.toString())
                    .isEqualTo("healthy");

            // All 8 setup attempts of this client are spent.
            Http.Response limitedSetup = setup(anonymous, ha.baseUrl(), HA_TOKEN);
            assertError(limitedSetup, 429, "rate_limited");
            assertThat(limitedSetup.header("Retry-After")).isNotBlank();

            // Password change ends every earlier session; the caller continues in a new one.
            // (Login attempt 2 of 8; the 501 above was the first.)
            Http second = anonymous.signIn("admin", PASSWORD);
            Http.Response changed = second.post(
                    "/api/v1/auth/password", Map.of("current_password", PASSWORD, "new_password", NEW_PASSWORD));
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            Http third = anonymous.withBearer(changed.json().get("token").asText());
            assertThat(third.get("/api/v1/auth/me").status()).isEqualTo(200);
            assertError(owner.get("/api/v1/auth/me"), 401, "unauthorized");
            assertError(second.get("/api/v1/auth/me"), 401, "unauthorized");
            assertError(
                    third.post(
                            "/api/v1/auth/password",
                            Map.of("current_password", "wrong wrong wrong", "new_password", "whatever 12345")),
                    403,
                    "forbidden");
            assertThat(third.post(
                                    "/api/v1/auth/password",
                                    Map.of("current_password", NEW_PASSWORD, "new_password", "short"))
                            .status())
                    .isEqualTo(422);

            // Login attempt 3, behind a TLS-terminating proxy: Secure cookie and HSTS.
            Http.Response overHttps = anonymous.post(
                    "/api/v1/auth/login/ha-token",
                    "{\"ha_token\": \"" + HA_TOKEN + "\"}",
                    Map.of("X-Forwarded-Proto", "https"));
            assertThat(overHttps.status()).as(overHttps.body()).isEqualTo(200);
            assertThat(overHttps.header("Set-Cookie")).contains("Secure");
            assertThat(overHttps.header("Strict-Transport-Security")).contains("max-age=31536000");

            // Login attempts: 4 old password, 5 new password, 6-8 wrong, 9 refused.
            assertError(login(anonymous, PASSWORD), 401, "unauthorized");
            assertThat(login(anonymous, NEW_PASSWORD).status()).isEqualTo(200);
            for (int attempt = 6; attempt <= 8; attempt++) {
                assertError(login(anonymous, "wrong password " + attempt), 401, "unauthorized");
            }
            Http.Response limited = login(anonymous, NEW_PASSWORD);
            assertError(limited, 429, "rate_limited");
            assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();

            // A configured CORS origin may call with credentials, cookie writes included; others may not.
            Http.Response preflight = anonymous.send(
                    java.net.http.HttpRequest.newBuilder(anonymous.uri("/api/v1/proposals"))
                            .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()),
                    Map.of(
                            "Origin",
                            FRONT_END,
                            "Access-Control-Request-Method",
                            "POST",
                            "Access-Control-Request-Headers",
                            "content-type"));
            assertThat(preflight.status()).isEqualTo(200);
            assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(FRONT_END);
            assertThat(preflight.header("Access-Control-Allow-Credentials")).isEqualTo("true");
            String cookie = "aether_session=" + third.defaultToken();
            Http.Response fromFrontEnd = anonymous.post(
                    "/api/v1/auth/api-keys", "{\"name\": \"cors\"}", Map.of("Cookie", cookie, "Origin", FRONT_END));
            assertThat(fromFrontEnd.status()).as(fromFrontEnd.body()).isEqualTo(201);
            assertThat(fromFrontEnd.header("Access-Control-Allow-Origin")).isEqualTo(FRONT_END);
            Http.Response fromElsewhere = anonymous.post(
                    "/api/v1/auth/api-keys",
                    "{\"name\": \"cors\"}",
                    Map.of("Cookie", cookie, "Origin", "https://other.example"));
            assertThat(fromElsewhere.status()).isEqualTo(403);
            assertThat(fromElsewhere.header("Access-Control-Allow-Origin")).isNull();

            // Passkey sign-in has its own bucket: 8 refused assertions, then 429.
            for (int attempt = 1; attempt <= 8; attempt++) {
                assertError(
                        anonymous.post(
                                "/api/v1/auth/passkey/authenticate/verify",
                                "{\"credential\": {\"id\": \"x\", \"type\": \"public-key\"}}"),
                        401,
                        "unauthorized");
            }
            assertError(
                    anonymous.post(
                            "/api/v1/auth/passkey/authenticate/verify",
                            "{\"credential\": {\"id\": \"x\", \"type\": \"public-key\"}}"),
                    429,
                    "rate_limited");

            String audit = third.get("/api/v1/auth/audit?limit=100").body();
            assertThat(audit)
                    .contains("\"SetupCompleted\"")
                    .contains("\"PasswordChanged\"")
                    .contains("\"password_set\":true")
                    .contains(ha.baseUrl())
                    .doesNotContain(HA_TOKEN)
                    .doesNotContain(PASSWORD)
                    .doesNotContain(NEW_PASSWORD);
        }
    }

    private static Http.Response setup(Http anonymous, String url, String token) {
        return anonymous.post("/api/v1/auth/setup", Map.of("ha_url", url, "ha_token", token, "password", PASSWORD));
    }

    private static Http.Response login(Http anonymous, String password) {
        return anonymous.post("/api/v1/auth/login", Map.of("username", "admin", "password", password));
    }
}

package io.aether.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Sign-in, sessions, sign-out and the audit trail, on the shared (already set up) server. */
class AuthEndpointsTest extends IntegrationTest {

    @Test
    void setupIsOneShot() {
        assertThat(anonymous
                        .get("/api/v1/auth/setup-status")
                        .json()
                        .get("setup_complete")
                        .asBoolean())
                .isTrue();
        long events = eventCount();
        Http.Response again = anonymous.post(
                "/api/v1/auth/setup",
                Map.of("ha_url", HA.baseUrl(), "ha_token", HA_TOKEN, "password", "another password"));
        assertError(again, 409, "conflict");
        assertThat(eventCount()).isEqualTo(events);
        // The original password still works.
        anonymous.signIn(OWNER, OWNER_PASSWORD);
    }

    @Test
    void passwordSignInReturnsATokenAndAnHttpOnlySessionCookie() {
        Http.Response login =
                anonymous.post("/api/v1/auth/login", Map.of("username", OWNER, "password", OWNER_PASSWORD));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(login.json().get("username").asText()).isEqualTo(OWNER);
        assertThat(login.json().get("message").asText()).isEqualTo("Login successful");
        String token = login.json().get("token").asText();
        String cookie = login.header("Set-Cookie");
        assertThat(cookie)
                .startsWith("aether_session=" + token + ";")
                .contains("HttpOnly")
                .contains("SameSite=Lax")
                .contains("Path=/")
                .contains("Max-Age=")
                .doesNotContain("Secure");

        JsonNode me = anonymous.withBearer(token).get("/api/v1/auth/me").json();
        assertThat(me.get("authenticated").asBoolean()).isTrue();
        assertThat(me.get("username").asText()).isEqualTo(OWNER);
        assertThat(me.get("auth_method").asText()).isEqualTo("bearer");
        Http.Response byCookie = anonymous.send(
                java.net.http.HttpRequest.newBuilder(anonymous.uri("/api/v1/auth/me")),
                Map.of("Cookie", "aether_session=" + token));
        assertThat(byCookie.status()).isEqualTo(200);
        assertThat(byCookie.json().get("auth_method").asText()).isEqualTo("cookie");
    }

    @Test
    void concurrentSignInsAllSucceedAndAreEachAudited() throws Exception {
        long before = http.get("/api/v1/auth/audit?limit=1").json().get("total").asLong();
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Callable<Integer>> logins = java.util.Collections.nCopies(
                    8,
                    () -> anonymous
                            .post("/api/v1/auth/login", Map.of("username", OWNER, "password", OWNER_PASSWORD))
                            .status());
            for (java.util.concurrent.Future<Integer> status : pool.invokeAll(logins)) {
                statuses.add(status.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(statuses).containsOnly(200).hasSize(8);
        assertThat(http.get("/api/v1/auth/audit?limit=1").json().get("total").asLong())
                .as("one LoginSucceeded per sign-in")
                .isGreaterThanOrEqualTo(before + 8);
    }

    @Test
    void wrongPasswordOrUserIs401AndAudited() {
        Http.Response wrongPassword =
                anonymous.post("/api/v1/auth/login", Map.of("username", OWNER, "password", "not-the-password-xyz"));
        assertError(wrongPassword, 401, "unauthorized");
        assertThat(wrongPassword.json().get("error").get("message").asText()).isEqualTo("Invalid username or password");
        Http.Response wrongUser =
                anonymous.post("/api/v1/auth/login", Map.of("username", "mallory", "password", OWNER_PASSWORD));
        assertError(wrongUser, 401, "unauthorized");

        String audit = http.get("/api/v1/auth/audit?limit=500").body();
        assertThat(audit)
                .contains("\"LoginFailed\"")
                .contains("mallory")
                .contains("127.0.0.1")
                .doesNotContain("not-the-password-xyz")
                .doesNotContain(OWNER_PASSWORD);
    }

    @Test
    void malformedSignInBodiesAre4xxWithoutEvents() {
        long events = eventCount();
        assertThat(anonymous
                        .post("/api/v1/auth/login", "{\"username\": \"admin\"}")
                        .status())
                .isEqualTo(422);
        assertThat(anonymous
                        .post("/api/v1/auth/login", "{\"username\": \"admin\", \"password\": 5}")
                        .status())
                .isEqualTo(400);
        assertThat(anonymous.post("/api/v1/auth/login", "{not json").status()).isEqualTo(400);
        assertThat(anonymous.post("/api/v1/auth/login/ha-token", "{}").status()).isEqualTo(422);
        assertThat(anonymous.post("/api/v1/auth/setup", "{\"ha_url\": []}").status())
                .isEqualTo(400);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void homeAssistantTokenSignIn() {
        Http.Response ok = anonymous.post("/api/v1/auth/login/ha-token", Map.of("ha_token", HA_TOKEN));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(anonymous
                        .withBearer(ok.json().get("token").asText())
                        .get("/api/v1/auth/me")
                        .status())
                .isEqualTo(200);
        assertError(
                anonymous.post("/api/v1/auth/login/ha-token", Map.of("ha_token", "wrong-token")), 401, "unauthorized");
    }

    @Test
    void logoutRevokesTheTokenEverywhereAndClearsTheCookie() {
        Http session = anonymous.signIn(OWNER, OWNER_PASSWORD);
        assertThat(session.get("/api/v1/auth/me").status()).isEqualTo(200);
        Http.Response logout = session.post("/api/v1/auth/logout", (String) null);
        assertThat(logout.status()).as(logout.body()).isEqualTo(200);
        assertThat(logout.json().get("message").asText()).isEqualTo("Logged out");
        assertThat(logout.header("Set-Cookie")).startsWith("aether_session=;").contains("Max-Age=0");
        Http.Response after = session.get("/api/v1/auth/me");
        assertError(after, 401, "unauthorized");
        assertThat(after.json().get("error").get("message").asText()).isEqualTo("Session has been signed out");
        assertThat(http.get("/api/v1/auth/audit").body()).contains("\"LoggedOut\"");
    }

    /** Verified tokens are remembered (a JWT check per request was most of authentication's cost), never past their expiry. */
    @Test
    void aTokenAcceptedOnceIsRefusedAsSoonAsItExpires() {
        var key = Keys.hmacShaKeyFor(JWT_SECRET.getBytes(StandardCharsets.UTF_8));
        Instant now = Instant.now();
        Http shortLived = anonymous.withBearer(token(key, now, now.plusSeconds(2), OWNER));
        assertThat(shortLived.get("/api/v1/proposals").status()).isEqualTo(200);
        assertThat(shortLived.get("/api/v1/proposals").status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> shortLived.get("/api/v1/proposals").status() == 401);
        Http.Response refused = shortLived.get("/api/v1/proposals");
        assertError(refused, 401, "unauthorized");
        assertThat(refused.json().get("error").get("message").asText()).isEqualTo("Session token has expired");
    }

    @Test
    void everyKindOfBadCredentialIs401InTheEnvelope() {
        Instant now = Instant.now();
        var key = Keys.hmacShaKeyFor(JWT_SECRET.getBytes(StandardCharsets.UTF_8));
        var otherKey =
                Keys.hmacShaKeyFor("another-secret-another-secret-another-secret".getBytes(StandardCharsets.UTF_8));
        String unsigned = Jwts.builder()
                .subject(OWNER)
                .id(UUID.randomUUID().toString())
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(1, ChronoUnit.HOURS)))
                .compact();
        String wrongKey = token(otherKey, now, now.plus(1, ChronoUnit.HOURS), OWNER);
        String expired = token(key, now.minus(2, ChronoUnit.HOURS), now.minus(1, ChronoUnit.HOURS), OWNER);
        String otherUser = token(key, now, now.plus(1, ChronoUnit.HOURS), "mallory");
        String noId = Jwts.builder()
                .subject(OWNER)
                .issuedAt(Date.from(now))
                .claim("gen", 0)
                .expiration(Date.from(now.plus(1, ChronoUnit.HOURS)))
                .signWith(key, Jwts.SIG.HS256)
                .compact();
        String noGeneration = Jwts.builder()
                .subject(OWNER)
                .id("y")
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(1, ChronoUnit.HOURS)))
                .signWith(key, Jwts.SIG.HS256)
                .compact();
        String hs512 = Jwts.builder()
                .subject(OWNER)
                .id("x")
                .issuedAt(Date.from(now))
                .claim("gen", 0)
                .expiration(Date.from(now.plus(1, ChronoUnit.HOURS)))
                .signWith(key, Jwts.SIG.HS512)
                .compact();
        for (String bad :
                new String[] {unsigned, wrongKey, expired, otherUser, noId, noGeneration, hs512, "not.a.jwt", "garbage"
                }) {
            assertError(anonymous.withBearer(bad).get("/api/v1/proposals"), 401, "unauthorized");
        }
        assertThat(anonymous
                        .withBearer(expired)
                        .get("/api/v1/proposals")
                        .json()
                        .get("error")
                        .get("message")
                        .asText())
                .isEqualTo("Session token has expired");
        // A token forged with the real key is accepted: the checks above refuse for the right reason.
        assertThat(anonymous
                        .withBearer(token(key, now, now.plus(1, ChronoUnit.HOURS), OWNER))
                        .get("/api/v1/proposals")
                        .status())
                .isEqualTo(200);

        assertError(header("Authorization", "Basic YWRtaW46YWRtaW4="), 401, "unauthorized");
        assertError(header("X-API-Key", "aether_wrong"), 401, "unauthorized");
        assertError(anonymous.get("/api/v1/proposals?api_key=aether_wrong"), 401, "unauthorized");
        assertError(header("Cookie", "aether_session=garbage"), 401, "unauthorized");
    }

    @Test
    void anInvalidCredentialDoesNotFallThroughToAValidOne() {
        String apiKey = createApiKey("fall-through");
        Http.Response response = anonymous.send(
                java.net.http.HttpRequest.newBuilder(anonymous.uri("/api/v1/proposals")),
                Map.of("Authorization", "Bearer garbage", "X-API-Key", apiKey));
        assertError(response, 401, "unauthorized");
        Http.Response keyThenCookie = anonymous.send(
                java.net.http.HttpRequest.newBuilder(anonymous.uri("/api/v1/proposals")),
                Map.of("X-API-Key", "aether_wrong", "Cookie", "aether_session=" + http.defaultToken()));
        assertError(keyThenCookie, 401, "unauthorized");
    }

    @Test
    void aStaleCookieDoesNotStopSigningIn() {
        Http.Response login = anonymous.post(
                "/api/v1/auth/login",
                "{\"username\": \"admin\", \"password\": \"" + OWNER_PASSWORD + "\"}",
                Map.of("Cookie", "aether_session=expired-or-garbage"));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
    }

    @Test
    void apiKeysAreShownOnceStoredHashedListedWithoutSecretAndRevocable() {
        long events = eventCount();
        Http.Response created = http.post("/api/v1/auth/api-keys", Map.of("name", "home script"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        String key = created.json().get("key").asText();
        assertThat(key).startsWith("aether_").hasSizeGreaterThan(40);
        assertThat(key).startsWith(created.json().get("prefix").asText());
        assertThat(created.header("Cache-Control")).isEqualTo("no-store");
        assertThat(eventCount()).isEqualTo(events + 1);

        assertThat(jdbc.sql("SELECT count(*) FROM api_key WHERE key_hash = :key OR prefix = :key")
                        .param("key", key)
                        .query(Long.class)
                        .single())
                .as("the key is not stored in clear")
                .isZero();
        String list = http.get("/api/v1/auth/api-keys").body();
        assertThat(list)
                .contains(id)
                .contains("home script")
                .doesNotContain(key)
                .doesNotContain("hash");

        Http viaHeader = new Http(anonymous.base(), Map.of("X-API-Key", key));
        JsonNode me = viaHeader.get("/api/v1/auth/me").json();
        assertThat(me.get("auth_method").asText()).isEqualTo("api_key");
        assertThat(anonymous.get("/api/v1/proposals?limit=1&api_key=" + key).status())
                .isEqualTo(200);
        // A key cannot mint more keys.
        assertError(viaHeader.post("/api/v1/auth/api-keys", Map.of("name", "more")), 403, "forbidden");

        assertThat(http.delete("/api/v1/auth/api-keys/" + id).status()).isEqualTo(200);
        assertError(viaHeader.get("/api/v1/auth/me"), 401, "unauthorized");
        assertError(http.delete("/api/v1/auth/api-keys/" + id), 404, "not_found");
        assertError(http.delete("/api/v1/auth/api-keys/" + UUID.randomUUID()), 404, "not_found");
        assertThat(http.delete("/api/v1/auth/api-keys/not-a-uuid").status()).isEqualTo(400);
        assertThat(http.post("/api/v1/auth/api-keys", "{\"name\": \"\"}").status())
                .isEqualTo(422);

        String audit = http.get("/api/v1/auth/audit?limit=500").body();
        assertThat(audit)
                .contains("\"ApiKeyIssued\"")
                .contains("\"ApiKeyRevoked\"")
                .contains(id)
                .doesNotContain(key);
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void anApiKeyInTheQueryStringNeverReachesTheLog(org.springframework.boot.test.system.CapturedOutput output) {
        String key = createApiKey("query-string");
        assertThat(anonymous.get("/api/v1/proposals?api_key=" + key).status()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/no-such-route?api_key=" + key).status())
                .isEqualTo(404);
        assertThat(anonymous.get("/api/v1/proposals?api_key=" + key + "x").status())
                .isEqualTo(401);
        assertThat(output.getAll()).doesNotContain(key);
    }

    @Test
    void cookieAuthenticatedRequestsFromAnotherOriginAreRefused() {
        String cookie = "aether_session=" + http.defaultToken();
        long events = eventCount();
        Http.Response crossOrigin = anonymous.post(
                "/api/v1/proposals", AUTOMATION, Map.of("Cookie", cookie, "Origin", "https://evil.example"));
        assertError(crossOrigin, 403, "forbidden");
        Http.Response crossSite = anonymous.post(
                "/api/v1/proposals", AUTOMATION, Map.of("Cookie", cookie, "Sec-Fetch-Site", "cross-site"));
        assertError(crossSite, 403, "forbidden");
        assertThat(eventCount()).isEqualTo(events);

        assertThat(anonymous
                        .post("/api/v1/proposals", AUTOMATION, Map.of("Cookie", cookie, "Origin", anonymous.base()))
                        .status())
                .isEqualTo(201);
        // Bearer and API-key clients are not browsers riding on ambient credentials.
        assertThat(http.post("/api/v1/proposals", AUTOMATION, Map.of("Origin", "https://evil.example"))
                        .status())
                .isEqualTo(201);
        // Reading with the cookie from anywhere is harmless (CORS keeps the answer from other origins).
        assertThat(anonymous
                        .send(
                                java.net.http.HttpRequest.newBuilder(anonymous.uri("/api/v1/auth/me")),
                                Map.of("Cookie", cookie, "Origin", "https://evil.example"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void noCorsOriginIsAllowedByDefault() {
        Http.Response preflight = anonymous.send(
                java.net.http.HttpRequest.newBuilder(anonymous.uri("/api/v1/proposals"))
                        .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()),
                Map.of("Origin", "https://app.example", "Access-Control-Request-Method", "POST"));
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        Http.Response get = http.send(
                java.net.http.HttpRequest.newBuilder(http.uri("/api/v1/proposals")),
                Map.of("Origin", "https://app.example"));
        assertThat(get.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void securityHeadersAreOnEveryAnswer() {
        for (Http.Response response : new Http.Response[] {
            anonymous.get("/api/v1/health"), anonymous.get("/api/v1/proposals"), http.get("/api/v1/proposals")
        }) {
            assertThat(response.header("Content-Security-Policy"))
                    .contains("default-src 'self'")
                    .contains("frame-ancestors 'none'");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
            // Plain http here: HSTS is only sent over https (see AuthOwnServerTest).
            assertThat(response.header("Strict-Transport-Security")).isNull();
        }
    }

    @Test
    void theAuditTrailRecordsWhoFromWhereAndWhen() {
        anonymous.post(
                "/api/v1/auth/login",
                "{\"username\": \"admin\", \"password\": \"" + OWNER_PASSWORD + "\"}",
                Map.of("User-Agent", "audit-test-agent/1.0"));
        JsonNode page = http.get("/api/v1/auth/audit?limit=20").json();
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(2);
        JsonNode login = StreamSupport.stream(page.get("items").spliterator(), false)
                .filter(entry -> entry.get("event").asText().equals("LoginSucceeded")
                        && "audit-test-agent/1.0"
                                .equals(entry.path("user_agent").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(page.toString()));
        assertThat(login.get("actor").get("type").asText()).isEqualTo("user");
        assertThat(login.get("actor").get("name").asText()).isEqualTo(OWNER);
        assertThat(login.get("client_address").asText()).isEqualTo("127.0.0.1");
        assertThat(login.get("timestamp").asText()).isNotBlank();
        assertThat(login.get("details").get("method").asText()).isEqualTo("password");
        assertThat(login.get("details").get("session_id").asText()).isNotBlank();
        assertThat(page.toString()).doesNotContain(OWNER_PASSWORD).doesNotContain(http.defaultToken());
        assertThat(http.get("/api/v1/auth/audit?limit=0").status()).isEqualTo(422);
    }

    @Test
    void theAuditTrailIsPagedByPositionNewestFirst() {
        for (int i = 0; i < 5; i++) {
            anonymous.post("/api/v1/auth/login", "{\"username\": \"admin\", \"password\": \"wrong-" + i + "\"}");
        }
        JsonNode first = http.get("/api/v1/auth/audit?limit=3").json();
        long total = first.get("total").asLong();
        assertThat(total).isGreaterThanOrEqualTo(5);
        JsonNode second = http.get("/api/v1/auth/audit?limit=3&offset=3").json();
        assertThat(second.get("total").asLong()).isEqualTo(total);
        java.util.List<Long> sequences = new java.util.ArrayList<>();
        first.get("items").forEach(entry -> sequences.add(entry.get("sequence").asLong()));
        second.get("items").forEach(entry -> sequences.add(entry.get("sequence").asLong()));
        assertThat(sequences).containsExactly(total, total - 1, total - 2, total - 3, total - 4, total - 5);
        assertThat(first.get("items").get(0).get("event").asText()).isEqualTo("LoginFailed");
        assertThat(first.get("items").get(0).get("details").get("reason").asText())
                .isNotBlank();
        // The oldest entry is the first event of the stream; past the end the page is empty.
        JsonNode last =
                http.get("/api/v1/auth/audit?limit=2&offset=" + (total - 1)).json();
        assertThat(last.get("items")).hasSize(1);
        assertThat(last.get("items").get(0).get("sequence").asLong()).isEqualTo(1);
        assertThat(http.get("/api/v1/auth/audit?limit=2&offset=" + total).json().get("items"))
                .isEmpty();
    }

    private Http.Response header(String name, String value) {
        return new Http(anonymous.base(), Map.of(name, value)).get("/api/v1/proposals");
    }

    private String createApiKey(String name) {
        Http.Response created = http.post("/api/v1/auth/api-keys", Map.of("name", name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("key").asText();
    }

    private static String token(javax.crypto.SecretKey key, Instant issued, Instant expires, String subject) {
        return Jwts.builder()
                .subject(subject)
                .id(UUID.randomUUID().toString())
                .issuedAt(Date.from(issued))
                .expiration(Date.from(expires))
                .claim("gen", 0)
                .signWith(key, Jwts.SIG.HS256)
                .compact();
    }

    static void assertError(Http.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        JsonNode error = response.json().get("error");
        assertThat(error.get("type").asText()).isEqualTo(type);
        assertThat(error.get("correlation_id").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("io.jsonwebtoken");
    }
}

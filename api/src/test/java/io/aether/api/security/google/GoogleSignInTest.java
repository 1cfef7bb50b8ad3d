package io.aether.api.security.google;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.support.Http;
import io.aether.api.support.OwnServer;
import io.aether.simulator.HomeAssistantSimulator;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Google sign-in end to end on a server of its own, configured with a client id and a JWKS that
 * this test serves on 127.0.0.1 with a key pair it generated: ID tokens are minted here, so
 * nothing calls Google.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GoogleSignInTest {
    private static final String HA_TOKEN = "google-test-ha-token";
    private static final String PASSWORD = "google-test-password";
    private static final String CLIENT_ID = "test-client.apps.example";
    private static final String ISSUER = "https://accounts.google.com";
    private static final String KEY_ID = "google-test-key";
    private static final String SUBJECT = "110169484474386276334";
    private static final String EMAIL = "owner@example.com";
    private static final String NAME = "Ada Owner";
    private static final String PICTURE = "https://lh3.googleusercontent.example/a/owner";
    private static final KeyPair GOOGLE = Jwts.SIG.RS256.keyPair().build();
    private static final KeyPair STRANGER = Jwts.SIG.RS256.keyPair().build();
    /** Every credential posted, to show that none of them ever appears in the audit trail. */
    private static final List<String> POSTED = Collections.synchronizedList(new ArrayList<>());

    @TempDir
    static Path dataDir;

    private static HomeAssistantSimulator ha;
    private static JwksServer jwks;
    private static OwnServer server;
    private static Http owner;

    @BeforeAll
    static void start() {
        ha = HomeAssistantSimulator.start(0, HA_TOKEN);
        jwks = JwksServer.start();
        // max-age=0: every check refetches, so a test can take the JWKS away (GoogleKeysTest covers caching).
        jwks.publish(Map.of(KEY_ID, GOOGLE), "max-age=0");
        server = OwnServer.start(
                dataDir,
                ha.baseUrl(),
                HA_TOKEN,
                "--aether.auth.google.client-id=" + CLIENT_ID,
                "--aether.auth.google.jwks-url=" + jwks.url(),
                "--aether.auth.password=" + PASSWORD,
                // Every credential below counts against the login limit; this class posts dozens.
                "--aether.security.rate-limit.attempts=1000");
        owner = server.http().signIn("admin", PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        jwks.close();
        ha.stop();
    }

    @Test
    void theUrlAsksGoogleForAnIdTokenWithAFreshNonce() {
        Http.Response response = owner.get("/api/v1/auth/google/url");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("client_id").asText()).isEqualTo(CLIENT_ID);
        String url = response.json().get("url").asText();
        assertThat(url)
                .startsWith("https://accounts.google.com/o/oauth2/v2/auth?")
                .contains("client_id=test-client.apps.example")
                .contains("&redirect_uri=http%3A%2F%2F127.0.0.1%3A" + server.port() + "%2Flogin&")
                .contains("&response_type=id_token&scope=openid%20email%20profile&nonce=")
                .endsWith("&prompt=select_account");
        assertThat(query(url).get("nonce")).matches("[A-Za-z0-9_-]{43}");
        assertThat(query(owner.get("/api/v1/auth/google/url").json().get("url").asText())
                        .get("nonce"))
                .as("a new nonce every time")
                .isNotEqualTo(query(url).get("nonce"));
    }

    @Test
    void aValidIdTokenLinksTheAccountAndStartsASession() {
        String credential = token(nonce(), UnaryOperator.identity());
        Http.Response response = callback(owner, credential);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("username").asText()).isEqualTo("admin");
        assertThat(response.json().get("message").asText()).isEqualTo("Login successful");
        assertThat(response.header("Set-Cookie")).startsWith("aether_session=");

        Http session = owner.withBearer(response.json().get("token").asText());
        JsonNode me = session.get("/api/v1/auth/me").json();
        assertThat(me.get("authenticated").asBoolean()).isTrue();
        assertThat(me.get("email").asText()).isEqualTo(EMAIL);
        assertThat(me.get("display_name").asText()).isEqualTo(NAME);
        assertThat(me.get("avatar_url").asText()).isEqualTo(PICTURE);

        Http.Response replay = callback(owner, credential);
        assertUnauthorized(replay, "nonce unknown, expired or already used", credential);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCredentials")
    void anInvalidCredentialIs401(UnaryOperator<String> credentialForNonce, String reason) {
        String credential = credentialForNonce.apply(nonce());
        assertUnauthorized(callback(owner, credential), reason, credential);
    }

    static Stream<Arguments> invalidCredentials() {
        Instant now = Instant.now();
        return Stream.of(
                invalid(
                        "wrong issuer",
                        nonce -> token(nonce, jwt -> jwt.issuer("https://accounts.example")),
                        "wrong issuer"),
                invalid(
                        "wrong audience",
                        nonce -> token(nonce, jwt -> jwt.claim("aud", "other.apps.example")),
                        "wrong audience"),
                invalid(
                        "expired",
                        nonce -> token(
                                nonce,
                                jwt -> jwt.issuedAt(Date.from(now.minusSeconds(7200)))
                                        .expiration(Date.from(now.minusSeconds(3600)))),
                        "expired"),
                invalid(
                        "issued in the future",
                        nonce -> token(nonce, jwt -> jwt.issuedAt(Date.from(now.plusSeconds(600)))),
                        "issued in the future"),
                invalid("unsigned (alg none)", nonce -> claims(nonce).compact(), "not a signed token"),
                invalid(
                        "signed by another key",
                        nonce -> claims(nonce)
                                .signWith(STRANGER.getPrivate(), Jwts.SIG.RS256)
                                .compact(),
                        "signature does not verify"),
                invalid(
                        "HS256 with the public key as secret",
                        nonce -> claims(nonce)
                                .signWith(
                                        new SecretKeySpec(GOOGLE.getPublic().getEncoded(), "HmacSHA256"),
                                        Jwts.SIG.HS256)
                                .compact(),
                        "not signed with RS256"),
                invalid(
                        "unknown key id",
                        nonce -> token(
                                nonce, jwt -> jwt.header().keyId("rotated-away").and()),
                        "unknown signing key"),
                invalid(
                        "no key id",
                        nonce -> token(nonce, jwt -> jwt.header().keyId(null).and()),
                        "no key id"),
                invalid("no subject", nonce -> token(nonce, jwt -> jwt.subject(null)), "no subject"),
                invalid("no nonce", nonce -> token(nonce, jwt -> jwt.claim("nonce", null)), "no nonce"),
                invalid(
                        "a nonce Aether never issued",
                        nonce -> token("never-issued-" + nonce, UnaryOperator.identity()),
                        "nonce unknown, expired or already used"),
                invalid("not a JWT at all", nonce -> "not-a-jwt", "malformed"));
    }

    @Test
    void aRejectedTokenDoesNotUseUpItsNonce() {
        String nonce = nonce();
        String wrongAudience = token(nonce, jwt -> jwt.claim("aud", "other.apps.example"));
        assertUnauthorized(callback(owner, wrongAudience), "wrong audience", wrongAudience);
        assertThat(callback(owner, token(nonce, UnaryOperator.identity())).status())
                .isEqualTo(200);
    }

    @Test
    void anotherGoogleAccountCannotTakeOverTheLink() {
        assertThat(callback(owner, token(nonce(), UnaryOperator.identity())).status())
                .isEqualTo(200);

        String other =
                token(nonce(), jwt -> jwt.subject("999999999999999999999").claim("email", "else@example.com"));
        Http.Response response = callback(owner, other);
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.json().get("error").get("type").asText()).isEqualTo("forbidden");
        assertThat(response.json().get("error").get("message").asText()).contains("different Google account");
        assertThat(response.body()).doesNotContain(other);
        assertThat(owner.get("/api/v1/auth/me").json().get("email").asText()).isEqualTo(EMAIL);
    }

    @Test
    void theCredentialIsRequiredAndBounded() {
        Http.Response missing = owner.post("/api/v1/auth/google/callback", "{}");
        assertThat(missing.status()).as(missing.body()).isEqualTo(422);
        assertThat(missing.json()
                        .get("error")
                        .get("details")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo("credential");

        Http.Response tooLong = owner.post("/api/v1/auth/google/callback", Map.of("credential", "a".repeat(4097)));
        assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(422);
    }

    @Test
    void bothEndpointsNeedACredentialAndTheCallbackASession() {
        Http anonymous = server.http();
        assertThat(anonymous.get("/api/v1/auth/google/url").status()).isEqualTo(401);
        assertThat(callback(anonymous, token(nonce(), UnaryOperator.identity())).status())
                .isEqualTo(401);

        Http.Response created = owner.post("/api/v1/auth/api-keys", Map.of("name", "google-test"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Http apiKey = new Http(
                owner.base(), Map.of("X-API-Key", created.json().get("key").asText()));
        Http.Response response = callback(apiKey, token(nonce(), UnaryOperator.identity()));
        assertThat(response.status()).as(response.body()).isEqualTo(403);
    }

    @Test
    void unreachableGoogleKeysAre502AndKeepTheNonce() {
        String credential = token(nonce(), UnaryOperator.identity());
        jwks.failWith(503);
        try {
            Http.Response response = callback(owner, credential);
            assertThat(response.status()).as(response.body()).isEqualTo(502);
            assertThat(response.json().get("error").get("type").asText()).isEqualTo("google_unavailable");
            assertThat(response.json().get("error").get("message").asText())
                    .isEqualTo("Google's signing keys could not be fetched: HTTP 503");
        } finally {
            jwks.publish(Map.of(KEY_ID, GOOGLE), "max-age=0");
        }
        assertThat(callback(owner, credential).status()).isEqualTo(200);
    }

    /** Last, so that every credential the other tests posted is looked for in the audit trail. */
    @Test
    @Order(Integer.MAX_VALUE)
    void theAuditRecordsGoogleSignInsAndFailuresWithoutAnyToken() {
        assertThat(callback(owner, token(nonce(), UnaryOperator.identity())).status())
                .isEqualTo(200);
        assertThat(callback(owner, token(nonce(), jwt -> jwt.issuer("https://accounts.example")))
                        .status())
                .isEqualTo(401);

        Http.Response audit = owner.get("/api/v1/auth/audit?limit=500");
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        List<JsonNode> items = StreamSupport.stream(audit.json().get("items").spliterator(), false)
                .toList();
        assertThat(items).anySatisfy(item -> {
            assertThat(item.get("event").asText()).isEqualTo("LoginSucceeded");
            assertThat(item.get("details").get("method").asText()).isEqualTo("google");
        });
        assertThat(items).anySatisfy(item -> {
            assertThat(item.get("event").asText()).isEqualTo("LoginFailed");
            assertThat(item.get("details").get("method").asText()).isEqualTo("google");
            assertThat(item.get("details").get("reason").asText()).isEqualTo("wrong issuer");
        });
        synchronized (POSTED) {
            assertThat(POSTED)
                    .hasSizeGreaterThan(20)
                    .allSatisfy(credential ->
                            assertThat(audit.body()).doesNotContain(credential).doesNotContain(signature(credential)));
        }
    }

    private static Arguments invalid(String name, UnaryOperator<String> credentialForNonce, String reason) {
        return Arguments.of(Named.of(name, credentialForNonce), reason);
    }

    private static void assertUnauthorized(Http.Response response, String reason, String credential) {
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        JsonNode error = response.json().get("error");
        assertThat(error.get("type").asText()).isEqualTo("unauthorized");
        assertThat(error.get("message").asText()).isEqualTo("Google credential is not valid: " + reason);
        assertThat(error.get("correlation_id").asText()).isNotEmpty();
        assertThat(response.body()).doesNotContain(credential);
    }

    private static Http.Response callback(Http http, String credential) {
        POSTED.add(credential);
        return http.post("/api/v1/auth/google/callback", Map.of("credential", credential));
    }

    /** A nonce issued by the server, as the browser would find it in the authorization URL. */
    private static String nonce() {
        Http.Response response = owner.get("/api/v1/auth/google/url");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return query(response.json().get("url").asText()).get("nonce");
    }

    /** A Google-like ID token, changed by {@code change}, signed with the published key. */
    private static String token(String nonce, UnaryOperator<JwtBuilder> change) {
        return change.apply(claims(nonce))
                .signWith(GOOGLE.getPrivate(), Jwts.SIG.RS256)
                .compact();
    }

    private static JwtBuilder claims(String nonce) {
        Instant now = Instant.now();
        return Jwts.builder()
                .header()
                .keyId(KEY_ID)
                .and()
                .issuer(ISSUER)
                .audience()
                .add(CLIENT_ID)
                .and()
                .subject(SUBJECT)
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(Duration.ofHours(1))))
                .claim("azp", CLIENT_ID)
                .claim("nonce", nonce)
                .claim("email", EMAIL)
                .claim("email_verified", true)
                .claim("name", NAME)
                .claim("picture", PICTURE);
    }

    private static String signature(String credential) {
        String[] parts = credential.split("\\.");
        return parts.length == 3 && !parts[2].isEmpty() ? parts[2] : credential;
    }

    private static Map<String, String> query(String url) {
        return Arrays.stream(URI.create(url).getRawQuery().split("&"))
                .map(parameter -> parameter.split("=", 2))
                .collect(Collectors.toMap(
                        pair -> pair[0],
                        pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8),
                        (first, second) -> second,
                        LinkedHashMap::new));
    }
}

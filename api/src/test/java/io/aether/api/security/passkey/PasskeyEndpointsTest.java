package io.aether.api.security.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The passkey endpoints over plain HTTP, with {@link SoftwareAuthenticator} standing in for a
 * browser: option shapes, who may call what, the full register / sign-in / remove cycle, and the
 * failures (unknown, used or forged challenges, wrong origin, replay, cloned counter, bad input).
 * The client talks to 127.0.0.1, so the relying party here is 127.0.0.1 and its own origin.
 */
class PasskeyEndpointsTest extends IntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGISTER_OPTIONS = "/api/v1/auth/passkey/register/options";
    private static final String REGISTER_VERIFY = "/api/v1/auth/passkey/register/verify";
    private static final String AUTHENTICATE_OPTIONS = "/api/v1/auth/passkey/authenticate/options";
    private static final String AUTHENTICATE_VERIFY = "/api/v1/auth/passkey/authenticate/verify";
    private static final String PASSKEYS = "/api/v1/auth/passkeys";

    @Test
    void registerOptionsNeedASignedInPersonAndDescribeADiscoverableCredential() {
        assertError(anonymous.post(REGISTER_OPTIONS, (String) null), 401, "unauthorized");
        assertError(withApiKey().post(REGISTER_OPTIONS, (String) null), 403, "forbidden");

        Http.Response response = http.post(REGISTER_OPTIONS, (String) null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode options = response.json();
        String challenge = options.get("challenge").asText();
        assertThat(Base64.getUrlDecoder().decode(challenge)).hasSize(32);
        assertThat(options.get("rp").get("id").asText()).isEqualTo("127.0.0.1");
        assertThat(options.get("rp").get("name").asText()).isEqualTo("Aether");
        JsonNode user = options.get("user");
        assertThat(Base64.getUrlDecoder().decode(user.get("id").asText())).hasSize(32);
        assertThat(user.get("name").asText()).isEqualTo(OWNER);
        assertThat(user.get("displayName").asText()).isEqualTo(OWNER);
        assertThat(options.get("pubKeyCredParams").findValuesAsText("type")).containsOnly("public-key");
        assertThat(options.get("pubKeyCredParams").findValues("alg"))
                .extracting(JsonNode::asInt)
                .containsExactly(-7, -257);
        assertThat(options.get("timeout").asLong()).isEqualTo(300_000);
        assertThat(options.get("attestation").asText()).isEqualTo("none");
        assertThat(options.get("authenticatorSelection").get("residentKey").asText())
                .isEqualTo("required");
        assertThat(options.get("authenticatorSelection").get("userVerification").asText())
                .isEqualTo("preferred");
        assertThat(options.get("excludeCredentials").isArray()).isTrue();

        assertThat(jdbc.sql("SELECT subject FROM auth_challenge WHERE challenge = :c AND purpose = 'passkey-register'")
                        .param("c", challenge)
                        .query(String.class)
                        .optional())
                .contains(OWNER);
        // The owner's user handle is stable: a second ceremony names the same user.
        JsonNode again = http.post(REGISTER_OPTIONS, (String) null).json();
        assertThat(again.get("user").get("id").asText())
                .isEqualTo(user.get("id").asText());
        assertThat(again.get("challenge").asText()).isNotEqualTo(challenge);
    }

    @Test
    void authenticateOptionsArePublicAndAllowAnyDiscoverableCredential() {
        Http.Response response = anonymous.post(AUTHENTICATE_OPTIONS, (String) null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode options = response.json();
        assertThat(Base64.getUrlDecoder().decode(options.get("challenge").asText()))
                .hasSize(32);
        assertThat(options.get("rpId").asText()).isEqualTo("127.0.0.1");
        assertThat(options.get("timeout").asLong()).isEqualTo(300_000);
        assertThat(options.get("userVerification").asText()).isEqualTo("preferred");
        assertThat(options.get("allowCredentials").isArray()).isTrue();
        assertThat(options.get("allowCredentials")).isEmpty();
        assertThat(response.body()).doesNotContain("rp_id").doesNotContain("allow_credentials");
    }

    @Test
    void aPasskeyIsRegisteredUsedForSignInAndRemoved() {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        JsonNode options = http.post(REGISTER_OPTIONS, (String) null).json();
        Http.Response registered = http.post(
                REGISTER_VERIFY,
                Map.of("credential", authenticator.register(options, http.base()), "device_name", " Test key "));
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        String id = registered.json().get("id").asText();
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(registered.json().get("device_name").asText()).isEqualTo("Test key");
        assertThat(registered.json().get("created_at").asText()).isNotBlank();
        assertThat(registered.json().get("last_used_at").isNull()).isTrue();
        assertThat(passkey(id)).isNotNull();
        assertThat(http.post(REGISTER_OPTIONS, (String) null)
                        .json()
                        .get("excludeCredentials")
                        .findValuesAsText("id"))
                .contains(authenticator.credentialId());
        assertThat(auditEntries("PasskeyRegistered"))
                .anySatisfy(entry ->
                        assertThat(entry.get("details").toString()).contains(id).contains("Test key"));

        ObjectNode assertion = signInAssertion(authenticator, http.base());
        Http.Response signedIn = anonymous.post(AUTHENTICATE_VERIFY, Map.of("credential", assertion));
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        assertThat(signedIn.json().get("username").asText()).isEqualTo(OWNER);
        assertThat(signedIn.json().get("message").asText()).isEqualTo("Login successful");
        assertThat(signedIn.header("Set-Cookie")).startsWith("aether_session=").contains("HttpOnly");
        JsonNode me = anonymous
                .withBearer(signedIn.json().get("token").asText())
                .get("/api/v1/auth/me")
                .json();
        assertThat(me.get("authenticated").asBoolean()).isTrue();
        assertThat(me.get("has_passkeys").asBoolean()).isTrue();
        assertThat(passkey(id).get("last_used_at").isNull()).isFalse();
        assertThat(auditEntries("LoginSucceeded"))
                .anySatisfy(entry ->
                        assertThat(entry.get("details").get("method").asText()).isEqualTo("passkey"));

        // The same assertion again: its challenge is gone.
        assertError(anonymous.post(AUTHENTICATE_VERIFY, Map.of("credential", assertion)), 401, "unauthorized");
        assertThat(lastPasskeyFailure()).isEqualTo("unknown_challenge");
        // A fresh challenge but a counter that did not move on: a cloned authenticator.
        authenticator.rewindCounter();
        assertError(
                anonymous.post(AUTHENTICATE_VERIFY, Map.of("credential", signInAssertion(authenticator, http.base()))),
                401,
                "unauthorized");
        assertThat(lastPasskeyFailure()).isEqualTo("malicious_counter_value");

        assertError(withApiKey().delete(PASSKEYS + "/" + id), 403, "forbidden");
        Http.Response deleted = http.delete(PASSKEYS + "/" + id);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.json().get("id").asText()).isEqualTo(id);
        assertThat(deleted.json().get("deleted").asBoolean()).isTrue();
        assertThat(passkey(id)).isNull();
        assertError(http.delete(PASSKEYS + "/" + id), 404, "not_found");
        assertThat(auditEntries("PasskeyRemoved"))
                .anySatisfy(entry -> assertThat(entry.get("details").toString()).contains(id));
        assertError(
                anonymous.post(AUTHENTICATE_VERIFY, Map.of("credential", signInAssertion(authenticator, http.base()))),
                401,
                "unauthorized");
        assertThat(lastPasskeyFailure()).isEqualTo("unknown_credential");
    }

    @Test
    void passkeysAreListedOldestFirst() {
        String first = register(new SoftwareAuthenticator(), "first");
        String second = register(new SoftwareAuthenticator(), null);
        Http.Response list = http.get(PASSKEYS);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<String> ids = StreamSupport.stream(list.json().get("passkeys").spliterator(), false)
                .map(passkey -> passkey.get("id").asText())
                .toList();
        assertThat(ids).containsSubsequence(first, second);
        JsonNode unnamed = passkey(second);
        assertThat(unnamed.get("device_name").isNull()).isTrue();
        assertThat(unnamed.has("created_at")).isTrue();
        assertThat(unnamed.has("last_used_at")).isTrue();
        assertThat(list.body()).doesNotContain("credential_record").doesNotContain("public_key");
        assertThat(withApiKey().get(PASSKEYS).status()).isEqualTo(200);
        assertError(anonymous.get(PASSKEYS), 401, "unauthorized");
    }

    @Test
    void aRegistrationThatDoesNotAnswerAnIssuedChallengeFromOurOriginIsRefused() {
        long events = eventCount();
        int passkeys = passkeyCount();
        // Not a credential at all.
        assertError(
                http.post(REGISTER_VERIFY, "{\"credential\": {\"id\": \"made-up\", \"type\": \"public-key\"}}"),
                400,
                "bad_request");
        // Well formed, but the challenge was never issued.
        ObjectNode forged = JSON.createObjectNode().put("challenge", randomChallenge());
        forged.putObject("rp").put("id", "127.0.0.1");
        forged.putObject("user").put("id", randomChallenge());
        assertError(
                http.post(
                        REGISTER_VERIFY,
                        Map.of("credential", new SoftwareAuthenticator().register(forged, http.base()))),
                400,
                "bad_request");
        // Signed for another site.
        JsonNode options = http.post(REGISTER_OPTIONS, (String) null).json();
        assertError(
                http.post(
                        REGISTER_VERIFY,
                        Map.of("credential", new SoftwareAuthenticator().register(options, "https://evil.example"))),
                400,
                "bad_request");
        // A challenge works once, even for a correct response.
        JsonNode reused = http.post(REGISTER_OPTIONS, (String) null).json();
        ObjectNode credential = new SoftwareAuthenticator().register(reused, http.base());
        assertThat(http.post(REGISTER_VERIFY, Map.of("credential", credential)).status())
                .isEqualTo(200);
        assertError(http.post(REGISTER_VERIFY, Map.of("credential", credential)), 400, "bad_request");
        assertThat(eventCount()).isEqualTo(events + 1);
        assertThat(passkeyCount()).isEqualTo(passkeys + 1);
    }

    @Test
    void registrationNeedsASessionAndAValidBody() {
        JsonNode options = http.post(REGISTER_OPTIONS, (String) null).json();
        ObjectNode credential = new SoftwareAuthenticator().register(options, http.base());
        assertError(anonymous.post(REGISTER_VERIFY, Map.of("credential", credential)), 401, "unauthorized");
        assertError(withApiKey().post(REGISTER_VERIFY, Map.of("credential", credential)), 403, "forbidden");
        assertError(
                http.post(REGISTER_VERIFY, Map.of("credential", credential, "device_name", "x".repeat(101))),
                422,
                "validation_error");
        assertError(http.post(REGISTER_VERIFY, "{}"), 422, "validation_error");
        assertError(http.post(REGISTER_VERIFY, "{\"credential\": "), 400, "bad_request");
        assertError(http.post(REGISTER_VERIFY, "{\"credential\": \"text\"}"), 400, "bad_request");
    }

    @Test
    void aSignInThatDoesNotAnswerAnIssuedChallengeIsUnauthorized() {
        Http.Response madeUp = anonymous.post(
                AUTHENTICATE_VERIFY,
                "{\"credential\": {\"id\": \"AAAA\", \"rawId\": \"AAAA\", \"type\": \"public-key\", "
                        + "\"response\": {\"clientDataJSON\": \"e30\"}}}");
        assertError(madeUp, 401, "unauthorized");
        assertThat(madeUp.json().get("error").get("message").asText()).isEqualTo("Passkey sign-in failed");
        assertThat(lastPasskeyFailure()).isEqualTo("malformed_credential");

        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        register(authenticator, "never issued");
        ObjectNode neverIssued = authenticator.assertion(randomChallenge(), "127.0.0.1", http.base());
        assertError(anonymous.post(AUTHENTICATE_VERIFY, Map.of("credential", neverIssued)), 401, "unauthorized");
        assertThat(lastPasskeyFailure()).isEqualTo("unknown_challenge");

        // A challenge issued for registration does not sign anyone in.
        String registrationChallenge = http.post(REGISTER_OPTIONS, (String) null)
                .json()
                .get("challenge")
                .asText();
        assertError(
                anonymous.post(
                        AUTHENTICATE_VERIFY,
                        Map.of("credential", authenticator.assertion(registrationChallenge, "127.0.0.1", http.base()))),
                401,
                "unauthorized");
        assertThat(lastPasskeyFailure()).isEqualTo("unknown_challenge");

        assertError(
                anonymous.post(
                        AUTHENTICATE_VERIFY,
                        Map.of("credential", signInAssertion(authenticator, "https://evil.example"))),
                401,
                "unauthorized");
        assertThat(lastPasskeyFailure()).isEqualTo("bad_origin");

        authenticator.claimUserHandle(Base64.getUrlDecoder().decode(randomChallenge()));
        assertError(
                anonymous.post(AUTHENTICATE_VERIFY, Map.of("credential", signInAssertion(authenticator, http.base()))),
                401,
                "unauthorized");
        assertThat(lastPasskeyFailure()).isEqualTo("user_handle_mismatch");

        JsonNode options = anonymous.post(AUTHENTICATE_OPTIONS, (String) null).json();
        expire(options.get("challenge").asText());
        assertError(
                anonymous.post(
                        AUTHENTICATE_VERIFY,
                        Map.of(
                                "credential",
                                authenticator.assertion(options.get("challenge").asText(), "127.0.0.1", http.base()))),
                401,
                "unauthorized");
        assertThat(lastPasskeyFailure()).isEqualTo("unknown_challenge");
    }

    @Test
    void anExpiredRegistrationChallengeIsRefused() {
        JsonNode options = http.post(REGISTER_OPTIONS, (String) null).json();
        expire(options.get("challenge").asText());
        Http.Response late = http.post(
                REGISTER_VERIFY, Map.of("credential", new SoftwareAuthenticator().register(options, http.base())));
        assertError(late, 400, "bad_request");
        assertThat(late.json().get("error").get("message").asText()).contains("expired");
    }

    @Test
    void malformedSignInBodiesAreBadInputNotServerErrors() {
        assertError(anonymous.post(AUTHENTICATE_VERIFY, "{\"credential\": {"), 400, "bad_request");
        assertError(anonymous.post(AUTHENTICATE_VERIFY, "not json"), 400, "bad_request");
        assertError(anonymous.post(AUTHENTICATE_VERIFY, "{\"credential\": [1, 2]}"), 400, "bad_request");
        assertError(anonymous.post(AUTHENTICATE_VERIFY, "{}"), 422, "validation_error");
        assertError(anonymous.post(AUTHENTICATE_VERIFY, (String) null), 400, "bad_request");
    }

    @Test
    void removingNeedsAKnownPasskeyId() {
        assertError(http.delete(PASSKEYS + "/" + UUID.randomUUID()), 404, "not_found");
        assertError(http.delete(PASSKEYS + "/not-a-uuid"), 400, "bad_request");
        assertError(anonymous.delete(PASSKEYS + "/" + UUID.randomUUID()), 401, "unauthorized");
    }

    @Test
    void theLoginPageIsPublicAndHasNoInlineScript() {
        Http.Response page = anonymous.get("/login");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(page.body())
                .contains("<script src=\"/login/login.js\" defer></script>")
                .contains("id=\"password-form\"")
                .contains("id=\"passkey-register\"")
                .contains("id=\"passkey-signin\"")
                .contains("id=\"signout\"")
                .contains("id=\"status\"")
                .doesNotContainPattern("<script(?![^>]*\\bsrc=)")
                .doesNotContainPattern("\\son[a-z]+=");
        Http.Response script = anonymous.get("/login/login.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type")).contains("javascript");
        assertThat(script.body()).contains("/passkey/authenticate/verify");
        assertThat(anonymous.get("/login/login.css").status()).isEqualTo(200);
    }

    /** Registers through the endpoints and returns the new passkey's id. */
    private String register(SoftwareAuthenticator authenticator, String deviceName) {
        JsonNode options = http.post(REGISTER_OPTIONS, (String) null).json();
        ObjectNode body = JSON.createObjectNode();
        body.set("credential", authenticator.register(options, http.base()));
        if (deviceName != null) {
            body.put("device_name", deviceName);
        }
        Http.Response response = http.post(REGISTER_VERIFY, body.toString());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("id").asText();
    }

    private ObjectNode signInAssertion(SoftwareAuthenticator authenticator, String origin) {
        JsonNode options = anonymous.post(AUTHENTICATE_OPTIONS, (String) null).json();
        return authenticator.assertion(
                options.get("challenge").asText(), options.get("rpId").asText(), origin);
    }

    /** The listed passkey with this id, or null. */
    private JsonNode passkey(String id) {
        for (JsonNode passkey : http.get(PASSKEYS).json().get("passkeys")) {
            if (passkey.get("id").asText().equals(id)) {
                return passkey;
            }
        }
        return null;
    }

    private int passkeyCount() {
        return http.get(PASSKEYS).json().get("passkeys").size();
    }

    private List<JsonNode> auditEntries(String event) {
        List<JsonNode> entries = new ArrayList<>();
        for (JsonNode entry : http.get("/api/v1/auth/audit?limit=500").json().get("items")) {
            if (entry.get("event").asText().equals(event)) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /** The reason of the newest failed passkey sign-in in the audit trail. */
    private String lastPasskeyFailure() {
        return auditEntries("LoginFailed").stream()
                .filter(entry -> entry.get("details").get("method").asText().equals("passkey"))
                .findFirst()
                .map(entry -> entry.get("details").get("reason").asText())
                .orElse(null);
    }

    private Http withApiKey() {
        Http.Response created = http.post("/api/v1/auth/api-keys", Map.of("name", "passkey test"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Http(
                anonymous.base(), Map.of("X-API-Key", created.json().get("key").asText()));
    }

    private void expire(String challenge) {
        assertThat(jdbc.sql("UPDATE auth_challenge SET expires_at = now() - interval '1 second' WHERE challenge = :c")
                        .param("c", challenge)
                        .update())
                .isEqualTo(1);
    }

    private static String randomChallenge() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    static void assertError(Http.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        JsonNode error = response.json().get("error");
        assertThat(error.get("type").asText()).as(response.body()).isEqualTo(type);
        assertThat(error.get("correlation_id").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("webauthn4j");
    }
}

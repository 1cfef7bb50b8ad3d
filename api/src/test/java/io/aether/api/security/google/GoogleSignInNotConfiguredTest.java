package io.aether.api.security.google;

import static org.assertj.core.api.Assertions.assertThat;

import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared server has no Google client id: both endpoints say so, and only to a signed-in caller. */
class GoogleSignInNotConfiguredTest extends IntegrationTest {
    private static final Map<String, String> BODY = Map.of("credential", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln");

    @Test
    void theUrlIs501() {
        assertNotConfigured(http.get("/api/v1/auth/google/url"));
    }

    @Test
    void theCallbackIs501() {
        assertNotConfigured(http.post("/api/v1/auth/google/callback", BODY));
    }

    @Test
    void bothNeedAuthentication() {
        assertThat(anonymous.get("/api/v1/auth/google/url").status()).isEqualTo(401);
        Http.Response callback = anonymous.post("/api/v1/auth/google/callback", BODY);
        assertThat(callback.status()).isEqualTo(401);
        assertThat(callback.json().get("error").get("type").asText()).isEqualTo("unauthorized");
    }

    private static void assertNotConfigured(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(501);
        assertThat(response.json().get("error").get("type").asText()).isEqualTo("not_configured");
        assertThat(response.json().get("error").get("message").asText()).contains("AETHER_GOOGLE_CLIENT_ID");
    }
}

package io.aether.api.security.passkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aether.api.platform.config.AetherProperties;
import io.aether.api.security.AuthProperties;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which rp id and origins a request gets: settings first, then the public URL, then the request itself. */
class RelyingPartiesTest {
    @Test
    void withoutSettingsTheRequestNamesTheRelyingParty() {
        RelyingParty party = parties(null, List.of(), null).of(request("http", "localhost", 8080, "localhost:8080"));
        assertThat(party.id()).isEqualTo("localhost");
        assertThat(party.name()).isEqualTo("Aether");
        assertThat(party.origins()).containsExactly("http://localhost:8080");
    }

    @Test
    void thePublicUrlWinsOverTheRequest() {
        RelyingParty party = parties(null, List.of(), "https://Aether.Example.org:443/app/")
                .of(request("http", "10.0.0.5", 8080, "10.0.0.5:8080"));
        assertThat(party.id()).isEqualTo("aether.example.org");
        assertThat(party.origins()).containsExactly("https://aether.example.org");
    }

    @Test
    void explicitSettingsWinOverThePublicUrl() {
        RelyingParty party = parties(
                        "example.org",
                        List.of("https://aether.example.org", " https://home.example.org:8443 "),
                        "https://ignored.example.net")
                .of(request("http", "localhost", 8080, "localhost:8080"));
        assertThat(party.id()).isEqualTo("example.org");
        assertThat(party.origins())
                .containsExactlyInAnyOrder("https://aether.example.org", "https://home.example.org:8443");
    }

    @Test
    void aRequestWithoutAHostHasNoOrigin() {
        assertThat(parties(null, List.of(), null)
                        .of(request("http", "localhost", 80, null))
                        .origins())
                .isEmpty();
    }

    @Test
    void aPublicUrlWithoutAHostIsAConfigurationError() {
        assertThatThrownBy(() -> parties(null, List.of(), "aether.local"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("aether.public-url");
    }

    /** Bound the way Spring Boot binds application.yml, defaults included. */
    private static RelyingParties parties(String rpId, List<String> origins, String publicUrl) {
        Map<String, String> settings = new HashMap<>();
        if (rpId != null) {
            settings.put("aether.auth.passkey.rp-id", rpId);
        }
        for (int i = 0; i < origins.size(); i++) {
            settings.put("aether.auth.passkey.origins[" + i + "]", origins.get(i));
        }
        if (publicUrl != null) {
            settings.put("aether.public-url", publicUrl);
        }
        Binder binder = new Binder(new MapConfigurationPropertySource(settings));
        return new RelyingParties(
                binder.bindOrCreate("aether.auth", AuthProperties.class),
                binder.bindOrCreate("aether", AetherProperties.class));
    }

    private static MockHttpServletRequest request(String scheme, String serverName, int port, String host) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/auth/passkey/register/options");
        request.setScheme(scheme);
        request.setServerName(serverName);
        request.setServerPort(port);
        request.removeHeader("Host");
        if (host != null) {
            request.addHeader("Host", host);
        }
        return request;
    }
}

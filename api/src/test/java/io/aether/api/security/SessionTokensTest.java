package io.aether.api.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionTokensTest {

    @Test
    void aConfiguredSigningSecretShorterThan32BytesStopsTheServer() {
        AuthProperties properties = new AuthProperties(
                "admin",
                null,
                "only-31-bytes-long-secret-12345",
                Duration.ofHours(72),
                null,
                4,
                List.of(),
                new AuthProperties.Google(null, "", List.of(), null),
                new AuthProperties.Passkey(null, "Aether", List.of(), Duration.ofMinutes(5)));
        // The length is checked before anything touches the database.
        assertThatThrownBy(() -> new SessionTokens(null, null, properties, null, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AETHER_JWT_SECRET must be at least 32 bytes");
    }
}

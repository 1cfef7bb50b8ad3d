package io.aether.api.security.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.aether.api.support.Http;
import io.aether.api.support.OwnServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Google callback needs a session: anonymous calls are refused before the limiter, and the
 * calls of a signed-in owner spend a bucket of their own, so nobody can lock the owner out of
 * password sign-in through it.
 */
class SessionOnlyRateLimitTest {
    private static final String PASSWORD = "rate limit password 1";
    private static final String CALLBACK = "/api/v1/auth/google/callback";

    @Test
    void anonymousGoogleCallbacksNeitherSpendNorLockOutPasswordSignIn(@TempDir Path dataDir) {
        try (OwnServer server = OwnServer.start(
                dataDir, "", "", "--aether.security.rate-limit.attempts=2", "--aether.auth.password=" + PASSWORD)) {
            Http anonymous = server.http();
            for (int i = 0; i < 5; i++) {
                Http.Response refused = anonymous.post(CALLBACK, Map.of("credential", "x"));
                assertThat(refused.status()).as(refused.body()).isEqualTo(401);
            }

            Http owner = anonymous.signIn("admin", PASSWORD);
            // A signed-in owner's callbacks spend their own bucket (2 attempts here)...
            assertThat(owner.post(CALLBACK, Map.of("credential", "x")).status()).isEqualTo(501);
            assertThat(owner.post(CALLBACK, Map.of("credential", "x")).status()).isEqualTo(501);
            Http.Response limited = owner.post(CALLBACK, Map.of("credential", "x"));
            assertThat(limited.status()).as(limited.body()).isEqualTo(429);
            assertThat(limited.header("Retry-After")).isNotBlank();
            // ...and password sign-in still has its second attempt.
            assertThat(anonymous.signIn("admin", PASSWORD).defaultToken()).isNotBlank();
            assertThat(anonymous
                            .post("/api/v1/auth/login", Map.of("username", "admin", "password", PASSWORD))
                            .status())
                    .isEqualTo(429);
        }
    }
}

package io.aether.api.security;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Single-use, expiring challenges in PostgreSQL (table auth_challenge): WebAuthn ceremonies and
 * Google sign-in nonces. Any node can finish what another started; consuming deletes the row in
 * the same statement that reads it, so a challenge is accepted at most once.
 */
@Component
public class AuthChallenges {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;
    private final Clock clock;

    public AuthChallenges(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** 32 random bytes, base64url without padding (WebAuthn's encoding), stored for {@code ttl}. */
    public String issue(String purpose, String subject, Duration ttl) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM auth_challenge WHERE expires_at < :now")
                .param("now", Timestamp.from(now))
                .update();
        jdbc.sql("""
                INSERT INTO auth_challenge (challenge, purpose, subject, created_at, expires_at)
                VALUES (:challenge, :purpose, :subject, :now, :expires)""")
                .param("challenge", challenge)
                .param("purpose", purpose)
                .param("subject", subject)
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(ttl)))
                .update();
        return challenge;
    }

    /**
     * Takes the challenge if it was issued for this purpose and has not expired or been used;
     * the answer is its subject (may be empty when it was issued without one).
     */
    public Optional<Consumed> consume(String purpose, String challenge) {
        if (challenge == null || challenge.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                DELETE FROM auth_challenge WHERE challenge = :challenge AND purpose = :purpose AND expires_at >= :now
                RETURNING subject""")
                .param("challenge", challenge)
                .param("purpose", purpose)
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, row) -> new Consumed(challenge, rs.getString(1)))
                .optional();
    }

    public record Consumed(String challenge, String subject) {}
}

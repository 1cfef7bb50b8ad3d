package io.aether.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * API keys (table api_key). A key is 256 random bits shown once; only its SHA-256 is stored,
 * which is enough for a random key (no salt or slow hash needed: nothing to guess).
 */
@Component
public class ApiKeys {
    static final String KEY_PREFIX = "aether_";
    private static final int PREFIX_SHOWN = KEY_PREFIX.length() + 6;
    /** last_used_at is written at most this often per key, not on every request. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;
    private final Clock clock;

    public ApiKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record ApiKey(UUID id, String name, String prefix, Instant createdAt, Instant lastUsedAt,
                         Instant revokedAt) {
        public boolean active() {
            return revokedAt == null;
        }
    }

    /** A new key and the secret that is shown to the caller this once. */
    public record IssuedKey(ApiKey key, String secret) {
        @Override
        public String toString() {
            return "IssuedKey[id=" + key.id() + ", prefix=" + key.prefix() + "]";
        }
    }

    public IssuedKey create(String name) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ApiKey key = new ApiKey(UUID.randomUUID(), name, secret.substring(0, PREFIX_SHOWN), clock.instant(), null,
                null);
        jdbc.sql("INSERT INTO api_key (id, name, prefix, key_hash, created_at) VALUES (:id, :name, :prefix, :hash, :created)")
                .param("id", key.id()).param("name", key.name()).param("prefix", key.prefix())
                .param("hash", hash(secret)).param("created", Timestamp.from(key.createdAt()))
                .update();
        return new IssuedKey(key, secret);
    }

    /** The active key with this secret, noting its use; empty for an unknown or revoked key. */
    public Optional<ApiKey> authenticate(String secret) {
        Optional<ApiKey> key = jdbc.sql(SELECT + " WHERE key_hash = :hash AND revoked_at IS NULL")
                .param("hash", hash(secret)).query(this::row).optional();
        key.ifPresent(this::noteUse);
        return key;
    }

    public List<ApiKey> list() {
        return jdbc.sql(SELECT + " ORDER BY created_at DESC, id").query(this::row).list();
    }

    public Optional<ApiKey> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(this::row).optional();
    }

    /** Marks the key revoked; false when it is unknown or was already revoked. */
    public boolean revoke(UUID id) {
        return jdbc.sql("UPDATE api_key SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("id", id)
                .update() == 1;
    }

    private void noteUse(ApiKey key) {
        Instant now = clock.instant();
        if (key.lastUsedAt() == null || key.lastUsedAt().plus(LAST_USED_RESOLUTION).isBefore(now)) {
            jdbc.sql("UPDATE api_key SET last_used_at = :now WHERE id = :id")
                    .param("now", Timestamp.from(now)).param("id", key.id()).update();
        }
    }

    private static final String SELECT = "SELECT id, name, prefix, created_at, last_used_at, revoked_at FROM api_key";

    private ApiKey row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ApiKey(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getTimestamp(4).toInstant(), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}

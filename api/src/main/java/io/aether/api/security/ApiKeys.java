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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
    private final CredentialRevocations revocations;
    private final Clock clock;
    /** When this node last wrote last_used_at of a key: the cached keys do not see that write. */
    private final Map<UUID, Instant> usesNoted = new ConcurrentHashMap<>();

    public ApiKeys(JdbcClient jdbc, CredentialRevocations revocations, Clock clock) {
        this.jdbc = jdbc;
        this.revocations = revocations;
        this.clock = clock;
    }

    public record ApiKey(
            UUID id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
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
        ApiKey key =
                new ApiKey(UUID.randomUUID(), name, secret.substring(0, PREFIX_SHOWN), clock.instant(), null, null);
        jdbc.sql(
                        "INSERT INTO api_key (id, name, prefix, key_hash, created_at) VALUES (:id, :name, :prefix, :hash, :created)")
                .param("id", key.id())
                .param("name", key.name())
                .param("prefix", key.prefix())
                .param("hash", hash(secret))
                .param("created", Timestamp.from(key.createdAt()))
                .update();
        revocations.changed("api_key");
        return new IssuedKey(key, secret);
    }

    /**
     * The active key with this secret, noting its use; empty for an unknown or revoked key. Known
     * keys are found in memory ({@link CredentialRevocations}); the database is asked only for a
     * key this node does not know (new, revoked or wrong).
     */
    public Optional<ApiKey> authenticate(String secret) {
        String hash = hash(secret);
        Optional<ApiKey> key = revocations
                .activeKey(hash)
                .map(known -> new ApiKey(
                        known.id(), known.name(), known.prefix(), known.createdAt(), known.lastUsedAt(), null))
                .or(() -> jdbc.sql(SELECT + " WHERE key_hash = :hash AND revoked_at IS NULL")
                        .param("hash", hash)
                        .query(this::row)
                        .optional());
        key.ifPresent(this::noteUse);
        return key;
    }

    public List<ApiKey> list() {
        return jdbc.sql(SELECT + " ORDER BY created_at DESC, id")
                .query(this::row)
                .list();
    }

    public Optional<ApiKey> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query(this::row)
                .optional();
    }

    /** Marks the key revoked; false when it is unknown or was already revoked. */
    public boolean revoke(UUID id) {
        boolean revoked = jdbc.sql("UPDATE api_key SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                        .param("now", Timestamp.from(clock.instant()))
                        .param("id", id)
                        .update()
                == 1;
        if (revoked) {
            revocations.changed("api_key");
        }
        return revoked;
    }

    private void noteUse(ApiKey key) {
        Instant now = clock.instant();
        Instant last = key.lastUsedAt();
        Instant noted = usesNoted.get(key.id());
        if (noted != null && (last == null || noted.isAfter(last))) {
            last = noted;
        }
        if (last == null || last.plus(LAST_USED_RESOLUTION).isBefore(now)) {
            usesNoted.put(key.id(), now);
            jdbc.sql("UPDATE api_key SET last_used_at = :now WHERE id = :id")
                    .param("now", Timestamp.from(now))
                    .param("id", key.id())
                    .update();
        }
    }

    private static final String SELECT = "SELECT id, name, prefix, created_at, last_used_at, revoked_at FROM api_key";

    private ApiKey row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ApiKey(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                rs.getTimestamp(4).toInstant(),
                instant(rs.getTimestamp(5)),
                instant(rs.getTimestamp(6)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}

package io.aether.api.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The owner's stored setup (table auth_setup): Home Assistant URL and encrypted token, password
 * hash. Read on every Home Assistant call and sign-in, so it is cached briefly; writes on this
 * node clear the cache at once. (Session validity is not decided from this cache.)
 *
 * <p>A write inside a transaction clears the cache again when the transaction ends, and a load
 * that overlapped a write is not kept: otherwise a reader on another thread (the mirror's loop, a
 * request) could load the row before the write commits and cache the old setup after the write
 * cleared the cache, e.g. an old password hash or "not set up", for the whole TTL.
 */
@Component
public class OwnerAccount {
    private static final Duration CACHE_TTL = Duration.ofSeconds(5);
    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final CredentialRevocations revocations;
    private volatile Cached cached;
    /** Bumped by every write (and again when its transaction ends); a load keeps its result only if unchanged. */
    private final AtomicLong writes = new AtomicLong();

    public OwnerAccount(JdbcClient jdbc, SecretCipher cipher, CredentialRevocations revocations) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.revocations = revocations;
    }

    /** What setup stored; the HA token is decrypted only when asked for. */
    public record StoredSetup(String haUrl, String haTokenEncrypted, String passwordHash, Instant completedAt) {
        @Override
        public String toString() {
            return "StoredSetup[haUrl=" + haUrl + ", completedAt=" + completedAt + "]";
        }
    }

    private record Cached(Optional<StoredSetup> setup, Instant loadedAt) {}

    public Optional<StoredSetup> setup() {
        Cached current = cached;
        if (current == null || current.loadedAt.plus(CACHE_TTL).isBefore(Instant.now())) {
            long before = writes.get();
            try {
                current = new Cached(load(), Instant.now());
            } catch (DataAccessException e) {
                if (current == null) {
                    throw e;
                }
                // Database briefly away: what we knew a moment ago keeps Home Assistant reachable
                // and /status meaningful; nothing is written on the strength of it.
                return current.setup;
            }
            synchronized (writes) {
                if (writes.get() == before) {
                    cached = current;
                }
            }
        }
        return current.setup;
    }

    public boolean setUp() {
        return setup().isPresent();
    }

    public String haToken(StoredSetup setup) {
        return cipher.decrypt(setup.haTokenEncrypted());
    }

    /** Stores the first setup; false when setup has already happened (here or on another node). */
    public boolean completeSetup(String haUrl, String haToken, String passwordHash, Instant now) {
        try {
            jdbc.sql("""
                    INSERT INTO auth_setup (id, ha_url, ha_token_encrypted, password_hash, completed_at)
                    VALUES (1, :url, :token, :hash, :now)""")
                    .param("url", haUrl)
                    .param("token", cipher.encrypt(haToken))
                    .param("hash", passwordHash)
                    .param("now", java.sql.Timestamp.from(now))
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        } finally {
            invalidate();
        }
    }

    /** Replaces the password hash and voids every session issued so far. */
    public void changePassword(String passwordHash) {
        jdbc.sql(
                        "UPDATE auth_setup SET password_hash = :hash, session_generation = session_generation + 1 WHERE id = 1")
                .param("hash", passwordHash)
                .update();
        revocations.changed("generation");
        invalidate();
    }

    /** Clears the cache now and, inside a transaction, again once it has committed or rolled back. */
    private void invalidate() {
        clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    clear();
                }
            });
        }
    }

    private void clear() {
        synchronized (writes) {
            writes.incrementAndGet();
            cached = null;
        }
    }

    private Optional<StoredSetup> load() {
        return jdbc.sql("""
                SELECT ha_url, ha_token_encrypted, password_hash, completed_at
                FROM auth_setup WHERE id = 1""")
                .query((rs, row) -> new StoredSetup(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }
}

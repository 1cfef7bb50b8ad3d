package io.aether.api.security;

import io.aether.api.platform.background.PostgresChannelListener;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What every request needs to know about credentials, kept in memory so that checking one costs
 * no database round trip: the signed-out session ids (revoked_session), the session generation
 * (auth_setup) and the active API keys (api_key, by hash).
 *
 * <p>Every write to those tables calls {@link #changed}, which sends a PostgreSQL NOTIFY in the
 * writer's transaction (delivered on commit, to every node) and reloads this node's view right
 * after the commit. Each node keeps one connection LISTENing; a notification reloads the view.
 * The listener proves itself alive every {@link #HEARTBEAT} with a round trip on that connection.
 * A view not confirmed within {@link #MAX_STALENESS} (listener down, database away, thread
 * starved) is not trusted: requests then check the database as before, so a logout, password
 * change or key revocation on any node takes effect on every node within that bound.
 */
@Component
public class CredentialRevocations extends PostgresChannelListener {
    static final String CHANNEL = "aether_credentials";
    static final Duration HEARTBEAT = Duration.ofMillis(200);
    static final Duration MAX_STALENESS = Duration.ofMillis(800);
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(CredentialRevocations.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile View view;
    /** Numbers the loads, so that a load begun earlier never replaces the view of a later one. */
    private final AtomicLong loads = new AtomicLong();

    private long installed;
    /** System.nanoTime() before the last round trip after which every earlier notification was applied. */
    private volatile long confirmedAt;

    public CredentialRevocations(DataSource dataSource, JdbcClient jdbc, Clock clock) {
        super("credential-revocations", dataSource, CHANNEL, HEARTBEAT, RECONNECT_DELAY);
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.clock = clock;
        // Unconfirmed until the listener's first round trip.
        this.confirmedAt = System.nanoTime() - MAX_STALENESS.toNanos() - 1;
    }

    /** An active API key as the request path needs it. */
    public record ActiveKey(UUID id, String name, String prefix, Instant createdAt, Instant lastUsedAt) {}

    private record View(int generation, Map<String, Instant> revokedSessions, Map<String, ActiveKey> keysByHash) {}

    /**
     * Whether a session of this id and generation is still valid: in memory while the view is
     * confirmed, from the database otherwise.
     */
    public boolean sessionCurrent(String id, int generation) {
        View current = trusted();
        if (current != null) {
            if (current.revokedSessions.containsKey(id)) {
                return false;
            }
            if (generation == current.generation) {
                return true;
            }
            if (generation < current.generation) {
                return false;
            }
            // A newer generation than we know: a password change elsewhere whose notice is on its way.
        }
        return jdbc.sql("""
                SELECT NOT EXISTS (SELECT 1 FROM revoked_session WHERE jti = :jti)
                   AND COALESCE((SELECT session_generation FROM auth_setup WHERE id = 1), 0) = :generation""")
                .param("jti", id)
                .param("generation", generation)
                .query(Boolean.class)
                .single();
    }

    /**
     * The active key with this hash if the confirmed view knows it; empty means "ask the database"
     * (unknown here, possibly created on another node a moment ago, or the view is not trusted).
     */
    public Optional<ActiveKey> activeKey(String hash) {
        View current = trusted();
        return current == null ? Optional.empty() : Optional.ofNullable(current.keysByHash.get(hash));
    }

    /**
     * To be called by every write that revokes or changes a credential, inside its transaction
     * when there is one: tells every node (on commit) and reloads this node's view after it.
     */
    public void changed(String what) {
        jdbc.sql("SELECT pg_notify(:channel, :what)")
                .param("channel", CHANNEL)
                .param("what", what)
                .query((rs, row) -> Boolean.TRUE)
                .list();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    reloadQuietly();
                }
            });
        } else {
            reloadQuietly();
        }
    }

    /** Whether requests are answered from memory now (the listener has confirmed the view lately). */
    boolean confirmed() {
        return trusted() != null;
    }

    /** The view if it was confirmed recently enough to be trusted, else null. */
    private View trusted() {
        View current = view;
        if (!running() || current == null || System.nanoTime() - confirmedAt > MAX_STALENESS.toNanos()) {
            return null;
        }
        return current;
    }

    private void reloadQuietly() {
        try (Connection connection = dataSource.getConnection()) {
            load(connection);
        } catch (SQLException | RuntimeException e) {
            // The listener reloads on its next notice; until it confirms again the database is asked.
            view = null;
            log.warn("Could not reload credential revocations: {}", e.toString());
        }
    }

    /** Reads the three tables and installs the result unless a later load already did. */
    private void load(Connection connection) throws SQLException {
        long ticket = loads.incrementAndGet();
        View loaded = read(connection);
        synchronized (loads) {
            if (ticket > installed) {
                installed = ticket;
                view = loaded;
            }
        }
    }

    private View read(Connection connection) throws SQLException {
        int generation;
        Map<String, Instant> revoked = new HashMap<>();
        Map<String, ActiveKey> keys = new HashMap<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "SELECT COALESCE((SELECT session_generation FROM auth_setup WHERE id = 1), 0)")) {
                rs.next();
                generation = rs.getInt(1);
            }
        }
        try (var statement =
                connection.prepareStatement("SELECT jti, expires_at FROM revoked_session WHERE expires_at >= ?")) {
            statement.setTimestamp(1, Timestamp.from(clock.instant()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    revoked.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                }
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                     SELECT key_hash, id, name, prefix, created_at, last_used_at
                     FROM api_key WHERE revoked_at IS NULL""")) {
            while (rs.next()) {
                Timestamp lastUsed = rs.getTimestamp(6);
                keys.put(
                        rs.getString(1),
                        new ActiveKey(
                                rs.getObject(2, UUID.class),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getTimestamp(5).toInstant(),
                                lastUsed == null ? null : lastUsed.toInstant()));
            }
        }
        return new View(generation, Map.copyOf(revoked), Map.copyOf(keys));
    }

    @Override
    protected void connected(Connection connection) throws SQLException {
        long started = System.nanoTime();
        load(connection);
        confirmedAt = started;
    }

    @Override
    protected void heartbeat(Connection connection, boolean notified) throws SQLException {
        long before = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        }
        // Notices committed before the round trip have arrived with its answer.
        boolean more = drainNotifications(connection);
        if (notified || more || view == null) {
            load(connection);
        }
        confirmedAt = before;
    }

    @Override
    protected void disconnected(Exception cause) {
        // Distrust the view at once: a lost connection is usually the database going away.
        confirmedAt = System.nanoTime() - MAX_STALENESS.toNanos() - 1;
        log.warn(
                "Credential revocation listener lost its connection ({}); the database is asked "
                        + "for every credential until it is back",
                cause.toString());
    }

    @Override
    protected void stopping() {
        view = null;
    }
}

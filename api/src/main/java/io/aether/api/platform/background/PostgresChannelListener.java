package io.aether.api.platform.background;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Holds one pooled connection LISTENing on a PostgreSQL channel, so that a commit on any node
 * reaches every node at once (the writer sends {@code pg_notify} inside its transaction, which
 * delivers it on commit). After (re)connecting, {@link #connected} lets the subclass catch up on
 * what it missed while nobody listened; after every wait of at most {@code heartbeat},
 * {@link #heartbeat} learns whether notifications arrived. A failed connection is reported to
 * {@link #disconnected}, then a new one is taken after {@code reconnectDelay}. The connection is
 * handed back and taken anew every few minutes so the pool can retire it.
 */
public abstract class PostgresChannelListener extends BackgroundLoop {
    private static final Duration RENEW_AFTER = Duration.ofMinutes(5);

    private final DataSource dataSource;
    private final String channel;
    private final Duration heartbeat;
    private final Duration reconnectDelay;

    protected PostgresChannelListener(
            String threadName, DataSource dataSource, String channel, Duration heartbeat, Duration reconnectDelay) {
        super(threadName);
        this.dataSource = dataSource;
        this.channel = channel;
        this.heartbeat = heartbeat;
        this.reconnectDelay = reconnectDelay;
    }

    /** Listening has (re)started on this connection: catch up on anything committed meanwhile. */
    protected abstract void connected(Connection connection) throws SQLException;

    /** After each wait on the connection; {@code notified} when notifications arrived. */
    protected abstract void heartbeat(Connection connection, boolean notified) throws SQLException;

    /** The connection failed while running; a new one follows after the reconnect delay. */
    protected abstract void disconnected(Exception cause);

    /** Takes the notifications that have arrived without waiting; true when there were any. */
    protected static boolean drainNotifications(Connection connection) throws SQLException {
        PGNotification[] notices = connection.unwrap(PGConnection.class).getNotifications();
        return notices != null && notices.length > 0;
    }

    @Override
    protected final void loop() {
        while (running()) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                PGConnection postgres = connection.unwrap(PGConnection.class);
                execute(connection, "LISTEN " + channel);
                connected(connection);
                long renewAt = System.nanoTime() + RENEW_AFTER.toNanos();
                while (running() && System.nanoTime() < renewAt) {
                    PGNotification[] notices = postgres.getNotifications((int) heartbeat.toMillis());
                    heartbeat(connection, notices != null && notices.length > 0);
                }
                execute(connection, "UNLISTEN " + channel);
            } catch (SQLException | RuntimeException e) {
                if (running()) {
                    disconnected(e);
                    pause(reconnectDelay);
                }
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}

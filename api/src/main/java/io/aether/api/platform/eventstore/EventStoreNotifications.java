package io.aether.api.platform.eventstore;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens on PostgreSQL channel {@value #CHANNEL}, notified by a trigger on every commit that
 * appends events (V6__event_notifications.sql), and makes the event store fetch at once. Events
 * committed by another node thus reach this node's processors and waiting requests in
 * milliseconds rather than after the store's fetch delay. One connection per node, blocked in
 * the driver while nothing happens; when it fails the store's fetch delay still applies.
 */
@Component
public class EventStoreNotifications implements SmartLifecycle {
    static final String CHANNEL = "aether_events";
    private static final Logger log = LoggerFactory.getLogger(EventStoreNotifications.class);
    /** A held connection is handed back and taken anew now and then, so the pool can retire it. */
    private static final long RENEW_AFTER_MILLIS = 5 * 60_000;

    private final DataSource dataSource;
    private final NotifyingEventStore eventStore;
    private volatile Thread thread;
    private volatile boolean running;

    public EventStoreNotifications(DataSource dataSource, NotifyingEventStore eventStore) {
        this.dataSource = dataSource;
        this.eventStore = eventStore;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "aether-event-notifications");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread current = thread;
        if (current != null) {
            current.interrupt();
            try {
                current.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private void run() {
        long backoff = 500;
        while (running) {
            try {
                listen();
                backoff = 500;
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.debug("Listening for event notifications failed ({}); retrying in {} ms", e.toString(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    private void listen() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
            }
            PGConnection pg = connection.unwrap(PGConnection.class);
            long until = System.currentTimeMillis() + RENEW_AFTER_MILLIS;
            // A fetch after (re)connecting covers commits made while nobody listened.
            eventStore.fetchNow();
            while (running && System.currentTimeMillis() < until) {
                PGNotification[] notifications = pg.getNotifications(1_000);
                if (notifications != null && notifications.length > 0) {
                    eventStore.fetchNow();
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("UNLISTEN " + CHANNEL);
            }
        }
    }
}

package io.aether.api.platform.eventstore;

import io.aether.api.platform.background.PostgresChannelListener;
import java.sql.Connection;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Listens on PostgreSQL channel {@value #CHANNEL}, notified by a trigger on every commit that
 * appends events (V6__event_notifications.sql), and makes the event store fetch at once. Events
 * committed by another node thus reach this node's processors and waiting requests in
 * milliseconds rather than after the store's fetch delay. One connection per node, blocked in
 * the driver while nothing happens; when it fails the store's fetch delay still applies.
 */
@Component
public class EventStoreNotifications extends PostgresChannelListener {
    static final String CHANNEL = "aether_events";
    private static final Logger log = LoggerFactory.getLogger(EventStoreNotifications.class);

    private final NotifyingEventStore eventStore;

    public EventStoreNotifications(DataSource dataSource, NotifyingEventStore eventStore) {
        super("aether-event-notifications", dataSource, CHANNEL, Duration.ofSeconds(1), Duration.ofSeconds(1));
        this.eventStore = eventStore;
    }

    @Override
    protected void connected(Connection connection) {
        // Covers commits made while nobody listened.
        eventStore.fetchNow();
    }

    @Override
    protected void heartbeat(Connection connection, boolean notified) {
        if (notified) {
            eventStore.fetchNow();
        }
    }

    @Override
    protected void disconnected(Exception cause) {
        log.debug("Listening for event notifications failed ({}); retrying in 1 s", cause.toString());
    }
}

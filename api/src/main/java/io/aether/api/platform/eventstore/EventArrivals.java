package io.aether.api.platform.eventstore;

import io.aether.api.platform.background.BackgroundLoop;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One thread per node that tails the event store's shared cache. Every event committed on any
 * node reaches it (local commits at once, other nodes' through {@link EventStoreNotifications}
 * or the store's fetch delay); it hands each event to the registered listeners, then wakes the
 * streaming processors ({@link NotifyingEventStore#signalAvailable()}). It blocks on the cache
 * while nothing happens: no database polling of its own.
 */
@Component
public class EventArrivals extends BackgroundLoop {
    private static final Logger log = LoggerFactory.getLogger(EventArrivals.class);

    private final NotifyingEventStore eventStore;
    private final List<Consumer<TrackedEventMessage<?>>> listeners = new CopyOnWriteArrayList<>();

    public EventArrivals(NotifyingEventStore eventStore) {
        super("aether-event-arrivals");
        this.eventStore = eventStore;
    }

    /**
     * Calls {@code listener} on this node for every event stored from now on, by any node, in
     * store order, on the arrivals thread: it must return quickly and never block.
     */
    public void subscribe(Consumer<TrackedEventMessage<?>> listener) {
        listeners.add(listener);
    }

    @Override
    protected void loop() {
        while (running()) {
            try (TrackingEventStream stream = eventStore.openPlainStream(eventStore.createHeadToken())) {
                while (running()) {
                    if (stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        do {
                            deliver(stream.nextAvailable());
                        } while (stream.hasNextAvailable());
                        eventStore.signalAvailable();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running()) {
                    return;
                }
                log.warn("Tailing the event store failed ({}); retrying in 1 s", e.toString());
                pause(Duration.ofSeconds(1));
            }
        }
    }

    private void deliver(TrackedEventMessage<?> event) {
        for (Consumer<TrackedEventMessage<?>> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.warn(
                        "Event arrival listener failed on {}",
                        event.getPayloadType().getSimpleName(),
                        e);
            }
        }
    }
}

package io.aether.api.platform.eventstore;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * One thread per node that tails the event store's shared cache. Every event committed on any
 * node reaches it (local commits at once, other nodes' through {@link EventStoreNotifications}
 * or the store's fetch delay); it hands each event to the registered listeners, then wakes the
 * streaming processors ({@link NotifyingEventStore#signalAvailable()}). It blocks on the cache
 * while nothing happens: no database polling of its own.
 */
@Component
public class EventArrivals implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(EventArrivals.class);

    private final NotifyingEventStore eventStore;
    private final List<Consumer<TrackedEventMessage<?>>> listeners = new CopyOnWriteArrayList<>();
    private volatile Thread thread;
    private volatile boolean running;

    public EventArrivals(NotifyingEventStore eventStore) {
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
    public void start() {
        running = true;
        thread = new Thread(this::run, "aether-event-arrivals");
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

    /** Starts after the database and Axon, stops before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private void run() {
        while (running) {
            try (TrackingEventStream stream = eventStore.openPlainStream(eventStore.createHeadToken())) {
                while (running) {
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
                if (!running) {
                    return;
                }
                log.warn("Tailing the event store failed ({}); retrying in 1 s", e.toString());
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    return;
                }
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

package io.aether.api.platform.eventstore;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, with streams that tell their reader when events arrive.
 *
 * <p>A pooled streaming processor's coordinator re-checks a stream that cannot call back every
 * 500 ms (Axon 4.13, {@code Coordinator}: "no availability callback"): a fresh event waited up to
 * half a second before any processor looked at it. Streams opened here accept that callback;
 * {@link EventArrivals} runs the callbacks as soon as an event reaches the store's shared cache,
 * so idle processors wake in milliseconds and otherwise sleep (no polling loop of their own).
 */
public class NotifyingEventStore extends EmbeddedEventStore {
    private final Set<Runnable> availabilityCallbacks = new CopyOnWriteArraySet<>();

    public NotifyingEventStore(Builder builder) {
        super(builder);
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new CallbackStream(super.openStream(trackingToken));
    }

    /** A stream without the callback wrapper, for {@link EventArrivals}' own tail of the store. */
    TrackingEventStream openPlainStream(TrackingToken trackingToken) {
        return super.openStream(trackingToken);
    }

    /**
     * Makes the store read new events from the database now instead of after its fetch delay:
     * used when another node signals a commit ({@link EventStoreNotifications}).
     */
    void fetchNow() {
        afterCommit(List.of());
    }

    /** Tells every open stream's reader that events are available. */
    void signalAvailable() {
        availabilityCallbacks.forEach(Runnable::run);
    }

    private final class CallbackStream implements TrackingEventStream {
        private final TrackingEventStream delegate;
        private volatile Runnable callback;

        private CallbackStream(TrackingEventStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable previous = this.callback;
            if (previous != null) {
                availabilityCallbacks.remove(previous);
            }
            this.callback = callback;
            availabilityCallbacks.add(callback);
            return true;
        }

        @Override
        public java.util.Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                availabilityCallbacks.remove(registered);
            }
            delegate.close();
        }
    }
}

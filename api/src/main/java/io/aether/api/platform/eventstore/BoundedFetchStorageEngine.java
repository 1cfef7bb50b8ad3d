package io.aether.api.platform.eventstore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * The storage engine as the embedded store's shared producer sees it: a blocking read
 * ({@code mayBlock}, which only that producer asks for) ends after {@code maxEvents} events.
 *
 * <p>Why: Axon 4.13's producer ({@code EmbeddedEventStore.EventProducer#fetchData}) keeps the
 * node that was newest when a read began for as long as the read runs, and a read runs until the
 * store has no more events. Every event of a burst (an import, a node catching up on 100,000
 * events) stayed reachable through that node's chain until the burst ended, whatever the cache
 * size: a 256 MiB server died of an OutOfMemoryError in ExportMemoryTest. Ended after a chunk,
 * the producer starts the next read at once (it loops while reads find events), so the cost is
 * one query per chunk; private streams and aggregate reads are not limited.
 */
final class BoundedFetchStorageEngine implements EventStorageEngine {
    private final EventStorageEngine delegate;
    private final int maxEvents;

    BoundedFetchStorageEngine(EventStorageEngine delegate, int maxEvents) {
        this.delegate = delegate;
        this.maxEvents = maxEvents;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        Stream<? extends TrackedEventMessage<?>> events = delegate.readEvents(trackingToken, mayBlock);
        return mayBlock ? events.limit(maxEvents) : events;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        delegate.appendEvents(events);
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        return delegate.readEvents(aggregateIdentifier);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}

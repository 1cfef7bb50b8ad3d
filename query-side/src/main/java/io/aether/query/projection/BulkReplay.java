package io.aether.query.projection;

import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * A projection that a rebuild may feed straight from one scan of the event store, in chunks, instead
 * of through Axon's processor ({@link ProjectionReplays}). The processor's per-event bookkeeping
 * (unit of work, interceptors, handler resolution, a token update per batch of 100) cost about
 * two thirds of a rebuild (docs/benchmarks.md); the scan keeps only deserialising and writing.
 *
 * <p>{@link #apply} must give the same rows as the projection's event handlers would for the same
 * events in the same order, and be replay-safe in the same way (an event applied twice changes
 * nothing twice): after a scan the processor goes on from the scan's last position, and when a scan
 * fails Axon's own replay starts over the rows already written.
 */
public interface BulkReplay {

    /** The processing group this projection belongs to. */
    String processingGroup();

    /** Whether the projection handles events of this payload type; decided before deserialising. */
    boolean handles(Class<?> payloadType);

    /** Applies a chunk of handled events in store order; called inside one transaction per chunk. */
    void apply(List<DomainEventMessage<?>> events);
}

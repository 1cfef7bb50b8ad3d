package io.aether.api.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

/** Only the shared producer's blocking reads are cut into chunks; every other read is whole. */
class BoundedFetchStorageEngineTest {
    private final InMemoryEventStorageEngine events = new InMemoryEventStorageEngine();
    private final BoundedFetchStorageEngine bounded = new BoundedFetchStorageEngine(events, 3);

    BoundedFetchStorageEngineTest() {
        IntStream.range(0, 7)
                .forEach(i -> events.appendEvents(new GenericDomainEventMessage<>("Test", "a", i, "event " + i)));
    }

    @Test
    void aBlockingReadEndsAfterTheChunkAndTheNextStartsWhereItEnded() {
        List<? extends TrackedEventMessage<?>> first =
                bounded.readEvents(null, true).toList();
        List<? extends TrackedEventMessage<?>> second =
                bounded.readEvents(first.get(2).trackingToken(), true).toList();

        assertThat(payloads(first)).containsExactly("event 0", "event 1", "event 2");
        assertThat(payloads(second)).containsExactly("event 3", "event 4", "event 5");
    }

    @Test
    void privateStreamsAndAggregateReadsAreWhole() {
        assertThat(bounded.readEvents(null, false).count()).isEqualTo(7);
        assertThat(bounded.readEvents("a").asStream().count()).isEqualTo(7);
    }

    private static List<String> payloads(List<? extends TrackedEventMessage<?>> events) {
        return events.stream().map(e -> (String) e.getPayload()).toList();
    }
}

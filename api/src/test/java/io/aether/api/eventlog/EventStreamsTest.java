package io.aether.api.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.aether.api.platform.error.ApiException;
import io.aether.api.platform.eventstore.EventArrivals;
import io.aether.domain.ErrorKind;
import io.aether.domain.eventlog.query.EventLogEntry;
import io.aether.domain.eventlog.query.EventLogFilter;
import io.aether.query.eventlog.EventLogQueries;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The stream hub without a server: the feed offers to bounded buffers, so a client that does not
 * read is ended with {@code reason: overflow} after what its buffer held, while another client
 * gets every entry; stopping the hub ends every stream with {@code reason: shutdown}.
 */
class EventStreamsTest {
    private static final long HORIZON_AT_START = 10;

    private final AtomicLong stored = new AtomicLong(HORIZON_AT_START);
    private final EventLogQueries queries = mock(EventLogQueries.class);
    private final EventStreams streams = new EventStreams(
            queries,
            new EventStreamProperties(Duration.ofHours(1), 2, 4),
            new ObjectMapper().registerModule(new JavaTimeModule()),
            mock(EventArrivals.class));

    EventStreamsTest() {
        when(queries.horizon()).thenReturn(HORIZON_AT_START);
        when(queries.readAfter(anyLong(), any(EventLogFilter.class), anyLong(), anyInt()))
                .thenAnswer(call -> {
                    long after = call.getArgument(0);
                    long upTo = Math.min(call.<Long>getArgument(2), stored.get());
                    return LongStream.rangeClosed(after + 1, upTo)
                            .mapToObj(EventStreamsTest::entry)
                            .toList();
                });
        streams.start();
    }

    @AfterEach
    void stop() {
        streams.stop();
    }

    @Test
    void aClientThatStopsReadingIsEndedWithOverflowAndBlocksNobody() throws Exception {
        Gate stalled = new Gate();
        ByteArrayOutputStream reading = new ByteArrayOutputStream();
        List<Throwable> failures = new ArrayList<>();
        Thread slow = serve(stalled, failures);
        Thread fast = serve(reading, failures);
        await().atMost(Duration.ofSeconds(10)).until(() -> streams.open() == 2);

        // Events arrive one by one (the feed reads within a second); the reading client keeps up.
        for (long position = HORIZON_AT_START + 1; position <= HORIZON_AT_START + 5; position++) {
            stored.set(position);
            String expected = "id: " + position + "\n";
            await().atMost(Duration.ofSeconds(10)).until(() -> text(reading).contains(expected));
        }
        assertThat(ids(text(reading))).containsExactly(11L, 12L, 13L, 14L, 15L);

        stalled.open();
        slow.join(10_000);
        assertThat(slow.isAlive()).isFalse();
        String written = text(stalled.bytes);
        assertThat(ids(written)).containsExactly(11L, 12L);
        assertThat(written)
                .endsWith("event: end\ndata: {\"reason\":\"overflow\",\"last_event_id\":\"12\"}\n\n")
                .doesNotContain("id: 13");

        streams.stop();
        fast.join(10_000);
        assertThat(fast.isAlive()).isFalse();
        assertThat(text(reading)).contains("\"reason\":\"shutdown\"").contains("\"last_event_id\":\"15\"");
        assertThat(failures).isEmpty();
    }

    @Test
    void streamsBeyondTheCapAreRefusedAsUnavailable() throws Exception {
        List<Throwable> failures = new ArrayList<>();
        List<Thread> open = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            open.add(serve(new ByteArrayOutputStream(), failures));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> streams.open() == 4);
        assertThatThrownBy(() -> streams.serve(EventLogFilter.ALL, null, new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
        streams.stop();
        for (Thread thread : open) {
            thread.join(10_000);
            assertThat(thread.isAlive()).isFalse();
        }
        assertThat(failures).isEmpty();
        assertThatThrownBy(() -> streams.serve(EventLogFilter.ALL, null, new ByteArrayOutputStream()))
                .as("a stopped hub takes no stream")
                .isInstanceOf(ApiException.class);
    }

    private Thread serve(OutputStream out, List<Throwable> failures) {
        Thread thread = new Thread(() -> {
            try {
                streams.serve(EventLogFilter.ALL, null, out);
            } catch (Exception | AssertionError e) {
                failures.add(e);
            }
        });
        thread.start();
        return thread;
    }

    private static EventLogEntry entry(long position) {
        return new EventLogEntry(
                position,
                "event-" + position,
                "ProposalAggregate",
                "a",
                position,
                "ProposalCreated",
                "2",
                Instant.parse("2026-12-01T00:00:00Z"),
                null,
                null,
                null,
                null,
                TextNode.valueOf("p"));
    }

    private static List<Long> ids(String text) {
        return text.lines()
                .filter(line -> line.startsWith("id: "))
                .map(line -> Long.parseLong(line.substring(4)))
                .toList();
    }

    private static String text(ByteArrayOutputStream bytes) {
        synchronized (bytes) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    /** A client that reads nothing until opened: every write blocks, as on a full TCP window. */
    private static final class Gate extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CountDownLatch gate = new CountDownLatch(1);

        void open() {
            gate.countDown();
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] data, int offset, int length) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            synchronized (bytes) {
                bytes.write(data, offset, length);
            }
        }
    }
}

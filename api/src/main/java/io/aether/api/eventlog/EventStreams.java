package io.aether.api.eventlog;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.api.platform.background.BackgroundLoop;
import io.aether.api.platform.error.ApiException;
import io.aether.api.platform.eventstore.EventArrivals;
import io.aether.domain.ErrorKind;
import io.aether.domain.eventlog.query.EventLogEntry;
import io.aether.domain.eventlog.query.EventLogFilter;
import io.aether.query.eventlog.EventLogQueries;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Live streams (Server-Sent Events) of the stored events on this node: the audit log's
 * ({@code GET /events/stream}) and any other {@link StreamView} of the same feed (the activity
 * stream, {@code GET /activity/stream}). A view says which entries a stream shows and how it
 * writes each one; the hub below is the same for all.
 *
 * <p><b>One feed for all subscribers.</b> A feed thread reads {@code event_log} in position order,
 * never past its horizon (so a late commit is never skipped), and offers each entry to every
 * subscriber whose filter matches. It reads when {@link EventArrivals} reports an event committed
 * on any node (the row follows as soon as the event-log projection has written it, so the feed
 * re-checks every 20 ms until it has caught up), and once a second in any case. One query serves
 * every subscriber; with none, the feed reads nothing.
 *
 * <p><b>No gap, no duplicate.</b> A subscriber is registered under the feed's lock at the feed's
 * position P: the feed hands it every entry after P. Its own request thread first replays from the
 * store what lies between its Last-Event-ID and P, then writes what the feed buffered.
 *
 * <p><b>A slow client blocks nobody.</b> The feed only offers to a bounded buffer; a subscriber
 * whose buffer is full gets nothing more, writes what it holds, ends with a final {@code end}
 * event ({@code reason: overflow}, {@code last_event_id}) and can resume with Last-Event-ID. Each
 * stream writes on its own request thread; the number of streams is capped per node. On shutdown
 * every stream ends with {@code reason: shutdown} before the web server stops.
 */
@Component
public class EventStreams extends BackgroundLoop {
    private static final Logger log = LoggerFactory.getLogger(EventStreams.class);
    private static final int READ_LIMIT = 500;
    private static final Duration CATCH_UP = Duration.ofMillis(20);
    private static final Duration IDLE = Duration.ofSeconds(1);
    /** A waiting stream checks for the end this often, so shutdown never waits a heartbeat. */
    private static final long SLICE_MILLIS = 250;

    private static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.UTF_8);

    private final EventLogQueries queries;
    private final EventStreamProperties properties;
    private final ObjectMapper mapper;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final Object feedLock = new Object();
    private final Object wake = new Object();
    private final AtomicLong arrived = new AtomicLong();
    /** Every entry up to here has been offered to the subscribers; -1 while nobody listens. Guarded by feedLock. */
    private long position = -1;

    private volatile boolean signalled;

    public EventStreams(
            EventLogQueries queries, EventStreamProperties properties, ObjectMapper mapper, EventArrivals arrivals) {
        super("aether-event-streams");
        this.queries = queries;
        this.properties = properties;
        this.mapper = mapper;
        arrivals.subscribe(event -> {
            event.trackingToken().position().ifPresent(p -> arrived.accumulateAndGet(p, Math::max));
            signal();
        });
    }

    /** How many streams are open on this node. */
    public int open() {
        return subscribers.size();
    }

    /**
     * Writes the stream to {@code out} until the client goes, falls too far behind, or the server
     * stops: first the stored entries after {@code lastSeen} (none when null), then live ones.
     */
    void serve(EventLogFilter filter, Long lastSeen, OutputStream out) throws IOException {
        serve(audit(filter), lastSeen, out);
    }

    /**
     * Writes the stream of {@code view} to {@code out} until the client goes, falls too far
     * behind, or the server stops: first the stored entries after {@code lastSeen} that the view
     * shows (none when null), then live ones.
     */
    public void serve(StreamView view, Long lastSeen, OutputStream out) {
        Subscriber subscriber = register(view);
        try {
            long last = lastSeen == null ? subscriber.start : lastSeen;
            last = replay(subscriber, last, out);
            live(subscriber, last, out);
        } catch (IOException clientGone) {
            // The client closed the connection (a write or flush failed): the normal end of a
            // stream, not an error to answer or log as one.
            log.debug("event stream client went away: {}", clientGone.toString());
        } finally {
            subscribers.remove(subscriber);
        }
    }

    /** The audit log's view: the entries passing {@code filter}, each as an {@code event} message with its position as id. */
    StreamView audit(EventLogFilter filter) {
        return new StreamView() {
            @Override
            public EventLogFilter stored() {
                return filter;
            }

            @Override
            public boolean matches(EventLogEntry entry) {
                return filter.matches(entry);
            }

            @Override
            public void write(OutputStream out, EventLogEntry entry) throws IOException {
                byte[] data = mapper.writeValueAsBytes(EventLogResponses.Entry.of(entry));
                out.write(("id: " + entry.position() + "\nevent: event\ndata: ").getBytes(StandardCharsets.UTF_8));
                out.write(data);
                out.write("\n\n".getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    private Subscriber register(StreamView view) {
        if (!running()) {
            throw new ApiException(ErrorKind.UNAVAILABLE, "The server is stopping; reconnect in a moment");
        }
        synchronized (feedLock) {
            if (subscribers.size() >= properties.maxStreams()) {
                throw new ApiException(
                        ErrorKind.UNAVAILABLE,
                        "Too many event streams on this server (" + properties.maxStreams() + "); try again later");
            }
            if (position < 0) {
                position = queries.horizon();
            }
            Subscriber subscriber = new Subscriber(view, position, properties.bufferSize());
            subscribers.add(subscriber);
            signal();
            return subscriber;
        }
    }

    /**
     * Stored entries in (last, subscriber.start] that the view shows, page by page (the store read
     * with the view's {@link StreamView#stored} filter); returns the last position read.
     */
    private long replay(Subscriber subscriber, long last, OutputStream out) throws IOException {
        out.write(": stream open\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        while (last < subscriber.start && subscriber.end == null) {
            List<EventLogEntry> page = queries.readAfter(last, subscriber.view.stored(), subscriber.start, READ_LIMIT);
            for (EventLogEntry entry : page) {
                if (subscriber.view.matches(entry)) {
                    subscriber.view.write(out, entry);
                }
                last = entry.position();
            }
            out.flush();
            if (page.size() < READ_LIMIT) {
                break;
            }
        }
        return Math.max(last, subscriber.start);
    }

    private void live(Subscriber subscriber, long last, OutputStream out) throws IOException {
        long heartbeatNanos = properties.heartbeat().toNanos();
        long quietSince = System.nanoTime();
        while (true) {
            EventLogEntry entry;
            try {
                entry = subscriber.buffer.poll(SLICE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (entry != null) {
                if (entry.position() > last) {
                    subscriber.view.write(out, entry);
                    last = entry.position();
                }
                if (subscriber.buffer.isEmpty()) {
                    out.flush();
                }
                quietSince = System.nanoTime();
                continue;
            }
            String end = subscriber.end;
            if (end != null) {
                end(out, end, last);
                return;
            }
            if (System.nanoTime() - quietSince >= heartbeatNanos) {
                out.write(HEARTBEAT);
                out.flush();
                quietSince = System.nanoTime();
            }
        }
    }

    /** The last message of a stream: why it ended and where to resume (fields in this order). */
    private record StreamEnd(
            String reason, @JsonProperty("last_event_id") String lastEventId) {}

    private void end(OutputStream out, String reason, long last) throws IOException {
        byte[] data = mapper.writeValueAsBytes(new StreamEnd(reason, Long.toString(last)));
        out.write("event: end\ndata: ".getBytes(StandardCharsets.UTF_8));
        out.write(data);
        out.write("\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    protected void loop() {
        while (running()) {
            boolean progressed = false;
            try {
                progressed = feedOnce();
            } catch (RuntimeException e) {
                if (!running()) {
                    return;
                }
                log.warn("Reading the audit log for live streams failed ({}); retrying in 1 s", e.toString());
                await(IDLE);
                continue;
            }
            if (!progressed) {
                boolean behind;
                synchronized (feedLock) {
                    behind = position >= 0 && arrived.get() > position;
                }
                await(behind ? CATCH_UP : IDLE);
            }
        }
    }

    /** Offers the next complete entries to every subscriber; false when there was nothing new. */
    private boolean feedOnce() {
        long from;
        synchronized (feedLock) {
            if (subscribers.isEmpty()) {
                position = -1;
                return false;
            }
            from = position;
        }
        List<EventLogEntry> entries = queries.readAfter(from, EventLogFilter.ALL, Long.MAX_VALUE - 1, READ_LIMIT);
        if (entries.isEmpty()) {
            return false;
        }
        synchronized (feedLock) {
            for (EventLogEntry entry : entries) {
                for (Subscriber subscriber : subscribers) {
                    subscriber.offer(entry);
                }
            }
            position = entries.get(entries.size() - 1).position();
        }
        return true;
    }

    private void signal() {
        synchronized (wake) {
            signalled = true;
            wake.notifyAll();
        }
    }

    private void await(Duration delay) {
        synchronized (wake) {
            try {
                if (!signalled && running()) {
                    wake.wait(Math.max(1, delay.toMillis()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            signalled = false;
        }
    }

    @Override
    protected void stopping() {
        subscribers.forEach(s -> s.finish("shutdown"));
        signal();
    }

    /** One stream: its view, where the feed started serving it, and its bounded buffer. */
    private static final class Subscriber {
        final StreamView view;
        final long start;
        final ArrayBlockingQueue<EventLogEntry> buffer;
        volatile String end;

        Subscriber(StreamView view, long start, int capacity) {
            this.view = view;
            this.start = start;
            this.buffer = new ArrayBlockingQueue<>(Math.max(1, capacity));
        }

        /** Called by the feed only: never blocks. */
        void offer(EventLogEntry entry) {
            if (end == null && entry.position() > start && view.matches(entry) && !buffer.offer(entry)) {
                finish("overflow");
            }
        }

        void finish(String reason) {
            if (end == null) {
                end = reason;
            }
        }
    }
}

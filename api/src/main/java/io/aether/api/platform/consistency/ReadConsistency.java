package io.aether.api.platform.consistency;

import io.aether.query.Projections;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Read-your-writes for every read model. A position is an event's global index in the event
 * store. {@link #awaitProcessed} blocks, bounded, until every read-model processor
 * ({@link Projections#NAMES}) has handled the event at that position on all its segments, held by
 * this node (in-memory status) or by another (its token in token_entry). Command answers wait for
 * the events they appended (see {@link ConsistentCommandGateway}); clients may send the position
 * back on a read ({@value #TOKEN_HEADER}).
 */
@Component
public class ReadConsistency {
    /** Response: the position of the request's writes. Request: wait for this position before reading. */
    public static final String TOKEN_HEADER = "X-Consistency-Token";
    /** Response: "true" when the read models had not reached the position within the wait timeout. */
    public static final String TIMEOUT_HEADER = "X-Consistency-Timeout";
    /** Response: how long the request waited for the read models (W3C Server Timing, milliseconds). */
    public static final String SERVER_TIMING_HEADER = "Server-Timing";

    public static final String SERVER_TIMING_METRIC = "read-models";
    /** Re-check interval while waiting; progress of a local processor wakes waiters sooner. */
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    /** Tokens of segments held by other nodes are read from the database at most this often. */
    private static final long REMOTE_RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private static final long SEGMENT_COUNT_TTL_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final ConsistencyProperties properties;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition progressed = lock.newCondition();
    private final Map<String, SegmentCount> segmentCounts = new HashMap<>();

    public ReadConsistency(
            EventProcessingConfiguration processing,
            JdbcClient jdbc,
            Serializer serializer,
            ConsistencyProperties properties) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.properties = properties;
    }

    public Duration waitTimeout() {
        return properties.waitTimeout();
    }

    /** The highest global index of the stored events with these identifiers; empty when none is stored. */
    public OptionalLong positionOf(Collection<String> eventIdentifiers) {
        if (eventIdentifiers.isEmpty()) {
            return OptionalLong.empty();
        }
        Long max = jdbc.sql("SELECT max(global_index) FROM domain_event_entry WHERE event_identifier IN (:ids)")
                .param("ids", eventIdentifiers)
                .query(Long.class)
                .optional()
                .orElse(null);
        return max == null ? OptionalLong.empty() : OptionalLong.of(max);
    }

    /** Waits until every read model has processed {@code position}; false when the timeout passed first. */
    public boolean awaitProcessed(long position, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Map<Integer, TrackingToken>> stored = null;
        long storedUntil = 0;
        EventAt event = null;
        while (true) {
            Boolean passed = passedLocally(position);
            if (passed == null) {
                // Some segment is held by another node (or by none): its stored token decides.
                long now = System.nanoTime();
                if (stored == null || now >= storedUntil) {
                    stored = readTokens();
                    storedUntil = now + REMOTE_RECHECK_NANOS;
                }
                if (event == null) {
                    event = eventAt(position);
                }
                passed = passedElsewhere(position, event, stored);
            }
            if (passed) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            lock.lock();
            try {
                progressed.awaitNanos(Math.min(left, RECHECK_NANOS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Waits for {@code position} on behalf of the current HTTP request and says so on its
     * response: {@value #TOKEN_HEADER} (the highest position of this request) and, when the wait
     * timed out, {@value #TIMEOUT_HEADER}; {@value #SERVER_TIMING_HEADER} says how long it waited.
     * Outside a request it only waits.
     */
    public boolean awaitForResponse(long position) {
        long start = System.nanoTime();
        boolean reached = awaitProcessed(position, properties.waitTimeout());
        HttpServletResponse response = currentResponse();
        if (response != null && !response.isCommitted()) {
            response.addHeader(
                    SERVER_TIMING_HEADER,
                    String.format(Locale.ROOT, "%s;dur=%.2f", SERVER_TIMING_METRIC, (System.nanoTime() - start) / 1e6));
            String previous = response.getHeader(TOKEN_HEADER);
            long highest = previous == null ? position : Math.max(position, Long.parseLong(previous));
            response.setHeader(TOKEN_HEADER, Long.toString(highest));
            if (!reached) {
                response.setHeader(TIMEOUT_HEADER, "true");
            }
        }
        return reached;
    }

    /** Called when a read-model processor committed a batch: waiters re-check now. */
    void signalProgress() {
        lock.lock();
        try {
            progressed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * False when a segment of this node has not processed the position; true when this node's
     * segments have and they are all there are; null when other segments exist (held elsewhere).
     */
    private Boolean passedLocally(long position) {
        boolean needRemote = false;
        for (String name : Projections.NAMES) {
            StreamingEventProcessor processor = processing
                    .eventProcessor(name, StreamingEventProcessor.class)
                    .orElse(null);
            if (processor == null) {
                continue;
            }
            Map<Integer, EventTrackerStatus> local = processor.processingStatus();
            for (EventTrackerStatus status : local.values()) {
                if (!covers(status.getTrackingToken(), position)) {
                    return false;
                }
            }
            if (local.size() < segmentCount(name)) {
                needRemote = true;
            }
        }
        return needRemote ? null : true;
    }

    /**
     * Whether the segments held elsewhere have processed the position. A segment that the event
     * does not belong to may store its token only when it renews its claim, so only the segment
     * that handles the event's aggregate is asked (processors sequence events per aggregate,
     * Axon's default), and a processor none of whose handlers takes the event's payload type (the
     * agent list for a proposal event) is not asked at all: it stores no token for such an event
     * until it renews its claim either. When the event is unknown (not stored yet), every segment
     * of every processor is asked.
     */
    private boolean passedElsewhere(long position, EventAt event, Map<String, Map<Integer, TrackingToken>> stored) {
        for (String name : Projections.NAMES) {
            if (event.payloadType() != null && !handles(name, event.payloadType())) {
                continue;
            }
            Set<Integer> local = processing
                    .eventProcessor(name, StreamingEventProcessor.class)
                    .map(p -> p.processingStatus().keySet())
                    .orElse(Set.of());
            Map<Integer, TrackingToken> segments = stored.getOrDefault(name, Map.of());
            int[] ids = segments.keySet().stream().mapToInt(Integer::intValue).toArray();
            for (Map.Entry<Integer, TrackingToken> segment : segments.entrySet()) {
                if (local.contains(segment.getKey())) {
                    continue;
                }
                if (event.aggregate() != null
                        && !Segment.computeSegment(segment.getKey(), ids).matches(event.aggregate())) {
                    continue;
                }
                if (!covers(segment.getValue(), position)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether a handler of this processor takes events of this payload type (true when it cannot tell). */
    private boolean handles(String processorName, Class<?> payloadType) {
        return processing
                .eventProcessor(processorName, AbstractEventProcessor.class)
                .map(p -> p.eventHandlerInvoker().canHandleType(payloadType))
                .orElse(true);
    }

    /** The aggregate and payload class of the event at a position; nulls when it is not stored (yet) or unknown here. */
    private record EventAt(String aggregate, Class<?> payloadType) {}

    private EventAt eventAt(long position) {
        return jdbc.sql(
                        "SELECT aggregate_identifier, payload_type FROM domain_event_entry WHERE global_index = :position")
                .param("position", position)
                .query((rs, n) -> new EventAt(rs.getString(1), payloadClass(rs.getString(2))))
                .optional()
                .orElse(new EventAt(null, null));
    }

    private static Class<?> payloadClass(String name) {
        try {
            return name == null ? null : Class.forName(name, false, ReadConsistency.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private Map<String, Map<Integer, TrackingToken>> readTokens() {
        Map<String, Map<Integer, TrackingToken>> tokens = new HashMap<>();
        jdbc.sql("SELECT processor_name, segment, token, token_type FROM token_entry WHERE processor_name IN (:names)")
                .param("names", Projections.NAMES)
                .query((rs, row) -> {
                    byte[] bytes = rs.getBytes("token");
                    String type = rs.getString("token_type");
                    TrackingToken token = bytes == null || type == null ? null : deserialize(bytes, type);
                    tokens.computeIfAbsent(rs.getString("processor_name"), k -> new HashMap<>())
                            .put(rs.getInt("segment"), token);
                    return row;
                })
                .list();
        return tokens;
    }

    private TrackingToken deserialize(byte[] bytes, String type) {
        SerializedObject<byte[]> serialized = new SimpleSerializedObject<>(bytes, byte[].class, type, null);
        return serializer.deserialize(serialized);
    }

    private synchronized int segmentCount(String name) {
        SegmentCount cached = segmentCounts.get(name);
        long now = System.nanoTime();
        if (cached == null || now - cached.readAt() > SEGMENT_COUNT_TTL_NANOS) {
            int count = jdbc.sql("SELECT count(*) FROM token_entry WHERE processor_name = :name")
                    .param("name", name)
                    .query(Integer.class)
                    .single();
            cached = new SegmentCount(count, now);
            segmentCounts.put(name, cached);
        }
        return cached.count();
    }

    /**
     * Whether a processor at {@code token} has handled the event at {@code position}. A gap-aware
     * token has when it is past the position and the position is not one of its gaps (an event it
     * has not seen committed yet); a replay counts by how far the replay got.
     */
    static boolean covers(TrackingToken token, long position) {
        if (token == null) {
            return false;
        }
        TrackingToken current = WrappedToken.unwrapLowerBound(token);
        if (current instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        OptionalLong at = current == null ? OptionalLong.empty() : current.position();
        return at.isPresent() && at.getAsLong() >= position;
    }

    private static HttpServletResponse currentResponse() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? servlet.getResponse() : null;
    }

    private record SegmentCount(int count, long readAt) {}
}

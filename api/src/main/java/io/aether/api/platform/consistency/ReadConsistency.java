package io.aether.api.platform.consistency;

import io.aether.query.Projections;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
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
 * back on a read ({@value #TOKEN_HEADER}). A command's answer waits only for the read models
 * that handle its events' types ({@link #readModelsHandling}); a position sent back waits for all.
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
        return awaitProcessed(position, Projections.NAMES, timeout);
    }

    /**
     * The read models that handle at least one of these event types. Only they can change when such
     * events are stored, so a command's answer waits for them alone: with a read model per list, a
     * proposal command need not wait for the insight or tool-group read models to skip its events.
     */
    public List<String> readModelsHandling(Set<Class<?>> eventTypes) {
        return Projections.NAMES.stream()
                .filter(name -> eventTypes.stream().anyMatch(type -> handles(name, type)))
                .toList();
    }

    private final Map<String, Map<Class<?>, Boolean>> handledTypes = new ConcurrentHashMap<>();

    /** Whether the processor handles this event type; true when it cannot tell (then it is waited for). */
    private boolean handles(String name, Class<?> type) {
        return handledTypes
                .computeIfAbsent(name, n -> new ConcurrentHashMap<>())
                .computeIfAbsent(
                        type,
                        t -> processing
                                .eventProcessor(name, AbstractEventProcessor.class)
                                .map(AbstractEventProcessor::eventHandlerInvoker)
                                .map(invoker -> invoker.canHandleType(t))
                                .orElse(Boolean.TRUE));
    }

    private boolean awaitProcessed(long position, List<String> names, Duration timeout) {
        if (names.isEmpty()) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Map<Integer, TrackingToken>> stored = null;
        long storedUntil = 0;
        String aggregate = null;
        while (true) {
            Boolean passed = passedLocally(position, names);
            if (passed == null) {
                // Some segment is held by another node (or by none): its stored token decides.
                long now = System.nanoTime();
                if (stored == null || now >= storedUntil) {
                    stored = readTokens();
                    storedUntil = now + REMOTE_RECHECK_NANOS;
                }
                if (aggregate == null) {
                    aggregate = aggregateAt(position);
                }
                passed = passedElsewhere(position, aggregate, stored, names);
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
        return awaitForResponse(position, Projections.NAMES);
    }

    /**
     * As {@link #awaitForResponse(long)}, for the read models that handle these event types (the
     * events of the request's commands): the others are not changed by them.
     */
    public boolean awaitForResponse(long position, Set<Class<?>> eventTypes) {
        return awaitForResponse(position, readModelsHandling(eventTypes));
    }

    private boolean awaitForResponse(long position, List<String> names) {
        long start = System.nanoTime();
        boolean reached = awaitProcessed(position, names, properties.waitTimeout());
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
    private Boolean passedLocally(long position, List<String> names) {
        boolean needRemote = false;
        for (String name : names) {
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
     * Axon's default); when the event is unknown (not stored yet), every segment is.
     */
    private boolean passedElsewhere(
            long position, String aggregate, Map<String, Map<Integer, TrackingToken>> stored, List<String> names) {
        for (String name : names) {
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
                if (aggregate != null
                        && !Segment.computeSegment(segment.getKey(), ids).matches(aggregate)) {
                    continue;
                }
                if (!covers(segment.getValue(), position)
                        && !nothingToHandle(name, segment.getKey(), ids, segment.getValue(), position)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** At most this many events between a stored token and the position are inspected. */
    private static final int MAX_SKIPPABLE = 200;

    /**
     * Whether a segment held elsewhere, whose stored token is behind the position, has nothing to
     * handle up to it: none of the events after its token (and before the position) is of a type
     * its processor handles, in its segment. Such a segment's read model is already what it will
     * be at the position, but a pooled processor that only skips events stores its token only when
     * it renews its claim; without this a read model that handles some event types (tool groups)
     * would hold up reads of every other write (proposals) on the other nodes for seconds.
     */
    private boolean nothingToHandle(String name, int segment, int[] ids, TrackingToken token, long position) {
        EventHandlerInvoker invoker = processing
                .eventProcessor(name, AbstractEventProcessor.class)
                .map(AbstractEventProcessor::eventHandlerInvoker)
                .orElse(null);
        TrackingToken current = token == null ? null : WrappedToken.unwrapLowerBound(token);
        if (invoker == null || current == null || current.position().isEmpty()) {
            return false;
        }
        long from = current.position().getAsLong();
        Set<Long> gaps = Set.of();
        if (current instanceof GapAwareTrackingToken gapAware) {
            gaps = gapAware.getGaps();
            from = gaps.isEmpty()
                    ? gapAware.getIndex()
                    : gaps.stream().min(Long::compare).orElseThrow() - 1;
        }
        if (position - from > MAX_SKIPPABLE) {
            return false;
        }
        Segment mine = Segment.computeSegment(segment, ids);
        List<Map<String, Object>> pending = jdbc.sql("SELECT global_index, payload_type, aggregate_identifier "
                        + "FROM domain_event_entry WHERE global_index > :from AND global_index <= :to")
                .param("from", from)
                .param("to", position)
                .query()
                .listOfRows();
        long index = current instanceof GapAwareTrackingToken gapAware ? gapAware.getIndex() : from;
        for (Map<String, Object> event : pending) {
            long at = ((Number) event.get("global_index")).longValue();
            if (at <= index && !gaps.contains(at)) {
                continue; // seen already
            }
            String aggregate = (String) event.get("aggregate_identifier");
            if (aggregate != null && !mine.matches(aggregate)) {
                continue;
            }
            Class<?> type = payloadClass((String) event.get("payload_type"));
            if (type == null || invoker.canHandleType(type)) {
                return false;
            }
        }
        return true;
    }

    private final Map<String, Optional<Class<?>>> payloadClasses = new ConcurrentHashMap<>();

    /** The payload's class; null when it cannot be loaded (then the processor may well handle it). */
    private Class<?> payloadClass(String name) {
        if (name == null) {
            return null;
        }
        return payloadClasses
                .computeIfAbsent(name, n -> {
                    try {
                        return Optional.of(Class.forName(n, false, ReadConsistency.class.getClassLoader()));
                    } catch (ClassNotFoundException | LinkageError e) {
                        return Optional.empty();
                    }
                })
                .orElse(null);
    }

    private String aggregateAt(long position) {
        return jdbc.sql("SELECT aggregate_identifier FROM domain_event_entry WHERE global_index = :position")
                .param("position", position)
                .query(String.class)
                .optional()
                .orElse(null);
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

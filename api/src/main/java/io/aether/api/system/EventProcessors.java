package io.aether.api.system;

import io.aether.api.platform.error.ApiException;
import io.aether.api.platform.eventstore.EventStoreConfiguration;
import io.aether.command.Processes;
import io.aether.domain.ErrorKind;
import io.aether.query.Projections;
import io.aether.query.projection.ProjectionReplays;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the streaming processors' positions against the head of the event store, and rebuilds projections. */
@Component
public class EventProcessors {
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final JdbcClient jdbc;
    private final ProjectionReplays replays;
    private final ProcessorErrors errors;
    private final DeadLetters deadLetters;

    public EventProcessors(
            EventProcessingConfiguration processing,
            EventStore eventStore,
            TokenStore tokenStore,
            JdbcClient jdbc,
            ProjectionReplays replays,
            ProcessorErrors errors,
            DeadLetters deadLetters) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.jdbc = jdbc;
        this.replays = replays;
        this.errors = errors;
        this.deadLetters = deadLetters;
    }

    /**
     * GET /admin/projections: every streaming processor's status with its kind, its segments'
     * claims (one read of token_entry), its last error on this node and its dead-letter count (one
     * grouped count of dead_letter_entry).
     */
    public List<SystemResponses.ProcessorDetail> details() {
        Instant staleBefore = Instant.now().minus(EventStoreConfiguration.STALE_CLAIM_AFTER);
        Map<String, List<SystemResponses.SegmentClaim>> claims = jdbc
                .sql(
                        "SELECT processor_name, segment, owner, timestamp FROM token_entry ORDER BY processor_name, segment")
                .query((rs, row) -> Map.entry(
                        rs.getString("processor_name"),
                        new SystemResponses.SegmentClaim(
                                rs.getInt("segment"),
                                rs.getString("owner"),
                                rs.getString("owner") != null
                                        && isUnclaimed(rs.getString("owner"), rs.getString("timestamp"), staleBefore))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Map<String, Long> parked = deadLetters.countsByGroup();
        return status().stream()
                .map(p -> {
                    SystemResponses.ProcessorKind kind = kind(p.name());
                    return new SystemResponses.ProcessorDetail(
                            p.name(),
                            kind,
                            kind == SystemResponses.ProcessorKind.PROJECTION,
                            p.running(),
                            p.error(),
                            p.replaying(),
                            p.position(),
                            p.head(),
                            p.lag(),
                            p.segments(),
                            p.totalSegments(),
                            p.unclaimedSegments(),
                            claims.getOrDefault(p.name(), List.of()),
                            errors.last(p.name()).orElse(null),
                            processing.deadLetterQueue(p.name()).isPresent(),
                            parked.getOrDefault(p.name(), 0L));
                })
                .toList();
    }

    static SystemResponses.ProcessorKind kind(String name) {
        if (Projections.NAMES.contains(name)) {
            return SystemResponses.ProcessorKind.PROJECTION;
        }
        return Processes.NAMES.contains(name)
                ? SystemResponses.ProcessorKind.PROCESS_MANAGER
                : SystemResponses.ProcessorKind.OTHER;
    }

    public List<SystemResponses.Processor> status() {
        Long head = position(eventStore.createHeadToken());
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .map(p -> status(p, head))
                .sorted(Comparator.comparing(SystemResponses.Processor::name))
                .toList();
    }

    /**
     * Position and lag over the segments this node has claimed; {@code totalSegments} comes from
     * the token store. The processor has caught up when this node holds every segment and the
     * slowest is at the head.
     */
    private static SystemResponses.Processor status(
            StreamingEventProcessor p, Long head, int totalSegments, int unclaimedSegments) {
        Map<Integer, EventTrackerStatus> segments = p.processingStatus();
        boolean error = segments.values().stream().anyMatch(EventTrackerStatus::isErrorState);
        boolean replayToken = segments.values().stream().anyMatch(EventTrackerStatus::isReplaying);
        // A segment with no token yet has processed nothing (position 0).
        Long position = segments.isEmpty()
                ? null
                : segments.values().stream()
                        .map(EventTrackerStatus::getCurrentPosition)
                        .map(o -> o.orElse(0L))
                        .min(Long::compare)
                        .orElse(null);
        Long lag = position == null || head == null ? null : Math.max(0, head - position);
        boolean caughtUp = segments.size() == totalSegments && lag != null && lag == 0;
        // Axon keeps a replay token until an event newer than the reset point arrives; a replay
        // that has reached the head on every segment is finished for anyone reading the projection.
        boolean replaying = replayToken && !caughtUp;
        return new SystemResponses.Processor(
                p.getName(),
                p.isRunning(),
                p.isError() || error,
                replaying,
                position,
                head,
                lag,
                segments.size(),
                totalSegments,
                unclaimedSegments);
    }

    private SystemResponses.Processor status(StreamingEventProcessor p, Long head) {
        OptionalLong scanned = replays.scanPosition(p.getName());
        if (scanned.isPresent()) {
            return scanning(p.getName(), scanned.getAsLong(), head);
        }
        return status(p, head, tokenStore.fetchSegments(p.getName()).length, unclaimedSegments(p.getName()));
    }

    /**
     * A projection being rebuilt by a scan of the store (ProjectionReplays): its processor is stopped
     * while this node holds every segment, and the scan's position is the projection's.
     */
    private SystemResponses.Processor scanning(String name, long position, Long head) {
        int segments = tokenStore.fetchSegments(name).length;
        Long lag = head == null ? null : Math.max(0, head - position);
        return new SystemResponses.Processor(name, true, false, true, position, head, lag, segments, segments, 0);
    }

    /**
     * Segments nobody processes: no node holds a claim on them (token_entry.owner is empty), or
     * the owner stopped renewing its claim (a killed node) and no other node has taken it over
     * yet. Live owners renew every {@link EventStoreConfiguration#CLAIM_EXTENSION}, so a claim
     * older than {@link EventStoreConfiguration#STALE_CLAIM_AFTER} is stale. Axon's TokenStore
     * does not expose owners, so the table is read directly.
     */
    private int unclaimedSegments(String processorName) {
        Instant staleBefore = Instant.now().minus(EventStoreConfiguration.STALE_CLAIM_AFTER);
        return jdbc
                .sql("SELECT owner, timestamp FROM token_entry WHERE processor_name = :name")
                .param("name", processorName)
                .query((rs, row) -> isUnclaimed(rs.getString("owner"), rs.getString("timestamp"), staleBefore))
                .list()
                .stream()
                .mapToInt(unclaimed -> unclaimed ? 1 : 0)
                .sum();
    }

    static boolean isUnclaimed(String owner, String timestamp, Instant staleBefore) {
        if (owner == null) {
            return true;
        }
        try {
            return timestamp == null || DateTimeUtils.parseInstant(timestamp).isBefore(staleBefore);
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /** Clears a projection's tables (its reset handler) and replays every event into it. */
    public void rebuild(String name) {
        if (Processes.NAMES.contains(name)) {
            throw new ApiException(
                    ErrorKind.CONFLICT,
                    "'" + name + "' is a process manager, not a projection: replaying it would repeat its Home"
                            + " Assistant calls. Replayable: " + String.join(", ", Projections.NAMES));
        }
        if (!Projections.NAMES.contains(name)) {
            throw new ApiException(
                    ErrorKind.NOT_FOUND,
                    "No projection named '" + name + "'; projections: " + String.join(", ", Projections.NAMES));
        }
        StreamingEventProcessor processor = processing
                .eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new ApiException(ErrorKind.UNAVAILABLE, "Projection '" + name + "' is not running"));
        requireClaimed(processor);
        replays.replay(processor);
    }

    /** A reset before the segments are claimed can leave the processor idle (stack notes #4): refuse it. */
    private static void requireClaimed(StreamingEventProcessor processor) {
        if (processor.processingStatus().isEmpty()) {
            throw new ApiException(
                    ErrorKind.UNAVAILABLE,
                    "Projection '" + processor.getName() + "' has not claimed its segments yet; try again shortly");
        }
    }

    private static Long position(TrackingToken token) {
        if (token == null) {
            return null;
        }
        OptionalLong position = token.position();
        return position.isPresent() ? position.getAsLong() : null;
    }
}

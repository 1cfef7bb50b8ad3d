package io.aether.api.system;

import io.aether.api.error.ApiException;
import io.aether.query.Projections;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Reads the streaming processors' positions against the head of the event store, and rebuilds projections. */
@Component
public class EventProcessors {
    private static final Duration CLAIM_WAIT = Duration.ofSeconds(30);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    public EventProcessors(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
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

    private static SystemResponses.Processor status(StreamingEventProcessor p, Long head) {
        Map<Integer, EventTrackerStatus> segments = p.processingStatus();
        boolean error = segments.values().stream().anyMatch(EventTrackerStatus::isErrorState);
        boolean replayToken = segments.values().stream().anyMatch(EventTrackerStatus::isReplaying);
        // The slowest segment decides the lag; a segment with no token yet has processed nothing (position 0).
        Long position = segments.isEmpty() ? null : segments.values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .map(o -> o.orElse(0L))
                .min(Long::compare).orElse(null);
        Long lag = position == null || head == null ? null : Math.max(0, head - position);
        // Axon keeps a replay token until an event newer than the reset point arrives; a replay
        // that has reached the head is finished as far as a reader of the projection can tell.
        boolean replaying = replayToken && (lag == null || lag > 0);
        return new SystemResponses.Processor(p.getName(), p.isRunning(), p.isError() || error, replaying, position,
                head, lag, segments.size());
    }

    /** Clears a projection's tables (its reset handler) and replays every event into it. */
    public void rebuild(String name) {
        if (!Projections.NAMES.contains(name)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "not_found",
                    "No projection named '" + name + "'; projections: " + String.join(", ", Projections.NAMES));
        }
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable",
                        "Projection '" + name + "' is not running"));
        awaitClaimed(processor);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
    }

    /** A reset right after start-up, before segments are claimed, can leave the processor idle (stack notes #4). */
    private static void awaitClaimed(StreamingEventProcessor processor) {
        Instant deadline = Instant.now().plus(CLAIM_WAIT);
        while (processor.processingStatus().isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable",
                        "Projection '" + processor.getName() + "' has not claimed its segments yet; try again");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
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

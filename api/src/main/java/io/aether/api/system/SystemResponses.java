package io.aether.api.system;

import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** Shapes of the system endpoints (the original's HealthResponse and SystemStatus). */
public final class SystemResponses {
    private SystemResponses() {}

    public enum HealthStatus {
        HEALTHY,
        DEGRADED,
        UNHEALTHY;

        @JsonValue
        public String wire() {
            return name().toLowerCase();
        }
    }

    @Schema(name = "HealthResponse")
    public record Health(HealthStatus status, Instant timestamp, String version) {}

    @Schema(name = "ComponentHealth")
    public record Component(String name, HealthStatus status, String message, Double latencyMs) {}

    /**
     * One event processor: where it is in the event store and how far behind the head, over the
     * {@code segments} this node has claimed out of {@code totalSegments}; {@code unclaimedSegments}
     * are processed by no node: unclaimed, or claimed by a node that stopped renewing the claim.
     */
    @Schema(name = "EventProcessorStatus")
    public record Processor(
            String name,
            boolean running,
            boolean error,
            boolean replaying,
            Long position,
            Long head,
            Long lag,
            int segments,
            int totalSegments,
            int unclaimedSegments) {}

    /** What a streaming processor is: a read model (replayable) or a process manager (acts on Home Assistant). */
    public enum ProcessorKind {
        PROJECTION,
        PROCESS_MANAGER,
        OTHER;

        @JsonValue
        public String wire() {
            return name().toLowerCase();
        }
    }

    /** One segment of a processor in the token store: who holds its claim, if anyone still does. */
    @Schema(name = "SegmentClaim")
    public record SegmentClaim(int segment, String owner, boolean stale) {}

    /** The last failure of a processor's batch on this node (the batch was rolled back and retried). */
    @Schema(name = "ProcessorError")
    public record ProcessorError(String message, Instant at) {}

    /**
     * GET /admin/projections: {@link Processor}'s fields plus the processor's kind, whether it can be
     * replayed, every segment's claim, its last error on this node and its parked events.
     */
    @Schema(name = "EventProcessorDetail")
    public record ProcessorDetail(
            String name,
            ProcessorKind kind,
            boolean replayable,
            boolean running,
            boolean error,
            boolean replaying,
            Long position,
            Long head,
            Long lag,
            int segments,
            int totalSegments,
            int unclaimedSegments,
            List<SegmentClaim> claims,
            ProcessorError lastError,
            boolean deadLetterQueue,
            long deadLetters) {}

    /** One parked event of GET /admin/dead-letters. */
    @Schema(name = "DeadLetter")
    public record DeadLetter(
            String id,
            String processingGroup,
            String sequenceIdentifier,
            long sequenceIndex,
            String eventIdentifier,
            String eventType,
            String aggregateType,
            String aggregateIdentifier,
            Long sequenceNumber,
            Instant eventTimestamp,
            Instant enqueuedAt,
            Instant lastTouched,
            String causeType,
            String causeMessage) {}

    @Schema(name = "DeadLetterPage")
    public record DeadLetterPage(List<DeadLetter> items, long total, int limit, String nextAfter) {}

    /** The outcome of retrying a dead letter's sequence. */
    @Schema(name = "DeadLetterRetry")
    public record DeadLetterRetry(
            String id,
            String processingGroup,
            String sequenceIdentifier,
            boolean succeeded,
            long remaining,
            String causeMessage) {}

    @Schema(name = "ReplayStarted")
    public record ReplayStarted(String name, String status) {}

    @Schema(name = "SystemStatus")
    public record Status(
            HealthStatus status,
            Instant timestamp,
            String version,
            String environment,
            List<Component> components,
            double uptimeSeconds,
            String publicUrl,
            String deploymentMode,
            List<Processor> eventProcessors) {}
}

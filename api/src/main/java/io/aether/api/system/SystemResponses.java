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

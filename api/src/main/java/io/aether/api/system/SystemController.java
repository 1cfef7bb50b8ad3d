package io.aether.api.system;

import io.aether.api.platform.error.ApiException;
import io.aether.domain.ErrorKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Liveness, readiness, component status, request metrics and projection maintenance. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "System")
public class SystemController {
    private final SystemStatusService status;
    private final RequestMetrics metrics;
    private final EventProcessors processors;

    public SystemController(SystemStatusService status, RequestMetrics metrics, EventProcessors processors) {
        this.status = status;
        this.metrics = metrics;
        this.processors = processors;
    }

    @GetMapping("/health")
    @SecurityRequirements
    @Operation(summary = "Liveness: the process answers (no dependency checks)")
    public SystemResponses.Health health() {
        return new SystemResponses.Health(SystemResponses.HealthStatus.HEALTHY, Instant.now(), status.version());
    }

    @GetMapping("/ready")
    @SecurityRequirements
    @Operation(summary = "Readiness: 503 while the database is unreachable")
    public SystemResponses.Health ready() {
        if (!status.databaseReachable()) {
            throw new ApiException(ErrorKind.UNAVAILABLE, "Not ready: database unavailable");
        }
        return new SystemResponses.Health(SystemResponses.HealthStatus.HEALTHY, Instant.now(), status.version());
    }

    @GetMapping("/status")
    @SecurityRequirements
    @Operation(summary = "Component health (database, Home Assistant, event processors) and overall status")
    public SystemResponses.Status status() {
        return status.status();
    }

    @GetMapping("/metrics")
    @Operation(
            summary =
                    "Request counts, latency percentiles, errors, active requests and uptime (JSON); Prometheus text at /api/v1/metrics/prometheus")
    public Map<String, Object> metrics() {
        return metrics.snapshot(status.uptimeSeconds());
    }

    @GetMapping("/projections")
    @Operation(summary = "Alias of GET /admin/projections")
    public List<SystemResponses.ProcessorDetail> projections() {
        return processors.details();
    }

    @PostMapping("/projections/{name}/rebuild")
    @Operation(summary = "Alias of POST /admin/projections/{name}/replay (answers status \"rebuilding\")")
    public ResponseEntity<Map<String, String>> rebuild(@PathVariable String name) {
        processors.rebuild(name);
        return ResponseEntity.accepted().body(Map.of("name", name, "status", "rebuilding"));
    }
}

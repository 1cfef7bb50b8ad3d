package io.aether.api.trace;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the agents' spans go (docs/configuration.md).
 *
 * @param retention      spans older than this are deleted ({@code AETHER_TRACE_RETENTION}, default 7 days)
 * @param retentionCheck how often the retention task runs (one node per run)
 * @param content        keep message text and tool arguments in spans ({@code AETHER_TRACE_CONTENT}, default false)
 * @param otlpEndpoint   an OTLP/HTTP collector's base URL (Jaeger, Tempo, Grafana); blank: none
 * @param otlpTimeout    how long one OTLP export may take
 * @param queueSize      finished spans waiting for export, per exporter; more are dropped (and counted)
 * @param batchSize      spans per export (one batched insert)
 * @param exportDelay    the longest a finished span waits before its batch is exported
 */
@ConfigurationProperties("aether.traces")
public record TraceProperties(
        @DefaultValue("7d") Duration retention,
        @DefaultValue("1h") Duration retentionCheck,
        @DefaultValue("false") boolean content,
        String otlpEndpoint,
        @DefaultValue("10s") Duration otlpTimeout,
        @DefaultValue("2048") int queueSize,
        @DefaultValue("256") int batchSize,
        @DefaultValue("2s") Duration exportDelay) {

    public TraceProperties {
        requirePositive("retention", retention);
        requirePositive("retention-check", retentionCheck);
        requirePositive("otlp-timeout", otlpTimeout);
        requirePositive("export-delay", exportDelay);
        if (queueSize < 1 || batchSize < 1 || batchSize > queueSize) {
            throw new IllegalArgumentException("aether.traces: need 1 <= batch-size <= queue-size; got batch-size "
                    + batchSize + ", queue-size " + queueSize);
        }
        otlpEndpoint = otlpEndpoint == null || otlpEndpoint.isBlank() ? null : otlpEndpoint.strip();
    }

    /** The OTLP/HTTP traces URL: the endpoint's {@code /v1/traces} (as OTEL_EXPORTER_OTLP_ENDPOINT), or null. */
    public String otlpTracesUrl() {
        if (otlpEndpoint == null) {
            return null;
        }
        if (otlpEndpoint.endsWith("/v1/traces")) {
            return otlpEndpoint;
        }
        return (otlpEndpoint.endsWith("/") ? otlpEndpoint.substring(0, otlpEndpoint.length() - 1) : otlpEndpoint)
                + "/v1/traces";
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("aether.traces." + name + " must be positive; got " + value);
        }
    }
}

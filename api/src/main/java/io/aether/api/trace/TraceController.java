package io.aether.api.trace;

import io.aether.api.platform.error.ApiException;
import io.aether.domain.ErrorKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The agents' traces (OpenTelemetry spans stored by the server): one trace as a tree, and the recent ones. */
@RestController
@Validated
public class TraceController {
    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final String INVALID_TRACE_ID = "00000000000000000000000000000000";

    private final SpanStore spans;

    public TraceController(SpanStore spans) {
        this.spans = spans;
    }

    @GetMapping(path = "/api/v1/traces/{trace_id}/spans", produces = MediaType.APPLICATION_JSON_VALUE)
    @Tag(name = "Traces")
    @Operation(
            summary = "The span tree of a trace (a chat turn): agents, routing, tool, Home Assistant and model calls")
    public TraceResponses.Trace spans(
            @Parameter(description = "OpenTelemetry trace id, 32 hexadecimal digits") @PathVariable("trace_id")
                    String traceId) {
        String id = traceId(traceId);
        List<SpanRow> rows = spans.trace(id);
        if (rows.isEmpty()) {
            throw new ApiException(ErrorKind.NOT_FOUND, "Trace not found: " + id);
        }
        return TraceResponses.Trace.of(id, rows);
    }

    @GetMapping(path = "/api/v1/diagnostics/traces/recent", produces = MediaType.APPLICATION_JSON_VALUE)
    @Tag(name = "Diagnostics")
    @Operation(summary = "The newest traces (their root spans), newest first")
    public TraceResponses.Recent recent(
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int offset) {
        List<TraceResponses.RecentTrace> traces = spans.recent(limit, offset).stream()
                .map(TraceResponses.RecentTrace::of)
                .toList();
        return new TraceResponses.Recent(traces, traces.size(), limit, offset);
    }

    /** The id in canonical form (lower case); anything but 32 hex digits (all zero is no trace) is a 422. */
    static String traceId(String raw) {
        String id = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (!TRACE_ID.matcher(id).matches() || INVALID_TRACE_ID.equals(id)) {
            throw ApiException.validation(
                    "trace_id must be an OpenTelemetry trace id: 32 hexadecimal digits, not all zero");
        }
        return id;
    }
}

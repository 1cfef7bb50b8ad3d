package io.aether.api.eventlog;

import io.aether.domain.eventlog.query.EventLogPage;
import io.aether.domain.eventlog.query.FindEvents;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The event store as an audit log: every stored event of every aggregate, filtered and paged by
 * global position (list), downloaded (export) or followed live (stream). docs/api.md "Audit log".
 */
@RestController
@RequestMapping("/api/v1/events")
@Tag(name = "Audit log")
@Validated
public class EventLogController {
    private final QueryGateway queries;
    private final EventExports exports;
    private final EventStreams streams;

    public EventLogController(QueryGateway queries, EventExports exports, EventStreams streams) {
        this.queries = queries;
        this.exports = exports;
        this.streams = streams;
    }

    @GetMapping
    @Operation(
            summary = "Stored events, newest first (order=oldest for the other way), filtered by aggregate, event "
                    + "type, actor and time; keyset pages by position (after/before, next)")
    public EventLogResponses.Page list(
            @RequestParam(name = "aggregate_type", required = false) String aggregateType,
            @RequestParam(name = "aggregate_id", required = false) String aggregateId,
            @RequestParam(name = "event_type", required = false) String eventType,
            @RequestParam(name = "actor_type", required = false) String actorType,
            @RequestParam(name = "actor_id", required = false) String actorId,
            @Parameter(description = "ISO-8601 instant, inclusive") @RequestParam(required = false) String from,
            @Parameter(description = "ISO-8601 instant, exclusive") @RequestParam(required = false) String to,
            @Parameter(description = "only positions above this") @RequestParam(required = false) String after,
            @Parameter(description = "only positions below this") @RequestParam(required = false) String before,
            @Parameter(description = "newest (default) or oldest") @RequestParam(required = false) String order,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        EventLogRequest request = EventLogRequest.parse(
                aggregateType, aggregateId, eventType, actorType, actorId, from, to, after, before, order);
        EventLogPage page = queries.query(
                        new FindEvents(
                                request.filter(), request.after(), request.before(), limit, request.newestFirst()),
                        EventLogPage.class)
                .join();
        return EventLogResponses.Page.of(page, limit, request.newestFirst());
    }

    @GetMapping("/export")
    @Operation(
            summary = "Download the matching events (same filters and bounds as the list, no limit) as NDJSON or CSV,"
                    + " streamed as they are read")
    public void export(
            @Parameter(description = "ndjson (default) or csv") @RequestParam(required = false) String format,
            @RequestParam(name = "aggregate_type", required = false) String aggregateType,
            @RequestParam(name = "aggregate_id", required = false) String aggregateId,
            @RequestParam(name = "event_type", required = false) String eventType,
            @RequestParam(name = "actor_type", required = false) String actorType,
            @RequestParam(name = "actor_id", required = false) String actorId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) String before,
            @RequestParam(required = false) String order,
            HttpServletResponse response)
            throws IOException {
        EventExports.Format chosen = EventExports.Format.parse(format);
        EventLogRequest request = EventLogRequest.parse(
                aggregateType, aggregateId, eventType, actorType, actorId, from, to, after, before, order);
        response.setContentType(chosen.contentType);
        response.setHeader("Content-Disposition", "attachment; filename=\"aether-events." + chosen.extension + "\"");
        exports.write(request, chosen, response.getOutputStream());
    }

    @GetMapping("/stream")
    @Operation(
            summary = "Server-Sent Events of the matching events as they are stored (same filters as the list); "
                    + "resumes after Last-Event-ID (or after=), heartbeats as comment lines")
    public void stream(
            @RequestParam(name = "aggregate_type", required = false) String aggregateType,
            @RequestParam(name = "aggregate_id", required = false) String aggregateId,
            @RequestParam(name = "event_type", required = false) String eventType,
            @RequestParam(name = "actor_type", required = false) String actorType,
            @RequestParam(name = "actor_id", required = false) String actorId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @Parameter(description = "resume after this position when there is no Last-Event-ID")
                    @RequestParam(required = false)
                    String after,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            HttpServletResponse response)
            throws IOException {
        EventLogRequest request = EventLogRequest.parse(
                aggregateType, aggregateId, eventType, actorType, actorId, from, to, after, null, null);
        Long resume = lastEventId != null && !lastEventId.isBlank()
                ? EventLogRequest.position("Last-Event-ID", lastEventId)
                : request.after();
        response.setContentType("text/event-stream;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        streams.serve(request.filter(), resume, response.getOutputStream());
    }
}

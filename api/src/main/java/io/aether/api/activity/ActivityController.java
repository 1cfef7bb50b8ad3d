package io.aether.api.activity;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.api.eventlog.EventStreams;
import io.aether.api.platform.error.ApiException;
import io.aether.query.job.JobListQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The activity stream: jobs starting and ending, as Server-Sent Events in the original's
 * {@code type: "job"} shapes, served by the audit log's stream hub ({@link EventStreams}: fed from
 * the event store on every node, a bounded buffer per subscriber, heartbeats, clean shutdown).
 * docs/api.md "Activity stream".
 */
@RestController
@RequestMapping("/api/v1/activity")
@Tag(name = "activity")
public class ActivityController {
    private final EventStreams streams;
    private final JobActivityView view;

    public ActivityController(EventStreams streams, ObjectMapper mapper, JobListQueries jobs) {
        this.streams = streams;
        this.view = new JobActivityView(mapper, jobs);
    }

    @GetMapping("/stream")
    @Operation(
            summary = "Server-Sent Events of job activity (start, complete, failed) as it is stored; resumes after "
                    + "Last-Event-ID, heartbeats as comment lines")
    public void stream(
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId, HttpServletResponse response)
            throws IOException {
        Long resume = position(lastEventId);
        response.setContentType("text/event-stream;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        streams.serve(view, resume, response.getOutputStream());
    }

    private static Long position(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("'Last-Event-ID' must be a position (a non-negative integer)");
    }
}

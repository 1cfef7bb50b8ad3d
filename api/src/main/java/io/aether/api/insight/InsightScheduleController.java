package io.aether.api.insight;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.platform.error.ApiException;
import io.aether.domain.actor.Actor;
import io.aether.domain.insight.AnalysisType;
import io.aether.domain.insight.schedule.RunTrigger;
import io.aether.domain.insight.schedule.ScheduleChanges;
import io.aether.domain.insight.schedule.ScheduleSettings;
import io.aether.domain.insight.schedule.ScheduleTrigger;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Insight schedules over HTTP. Every change and every run is an event of the schedule naming the
 * authenticated principal; a run is an analysis job whose outcome becomes the schedule's
 * last_result. A disabled schedule is skipped by cron but can still be run by hand.
 */
@RestController
@Validated
@RequestMapping(path = "/api/v1/insight-schedules", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Insight Schedules", description = "Analyses that run on a cron expression or by hand")
public class InsightScheduleController {
    private final InsightScheduleService schedules;

    public InsightScheduleController(InsightScheduleService schedules) {
        this.schedules = schedules;
    }

    @GetMapping
    @Operation(summary = "List schedules, oldest first (trigger_type and enabled_only filters, limit/offset paging)")
    public InsightScheduleResponses.Schedules list(
            @RequestParam(name = "trigger_type", required = false) String triggerType,
            @RequestParam(name = "enabled_only", defaultValue = "false") boolean enabledOnly,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        ScheduleTrigger trigger = blank(triggerType) ? null : trigger(triggerType);
        return InsightScheduleResponses.Schedules.of(schedules.list(trigger, enabledOnly, limit, offset));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get one schedule")
    public InsightScheduleResponses.Schedule get(@PathVariable UUID id) {
        return InsightScheduleResponses.Schedule.of(schedules.get(id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Create a schedule (201); 400 when a cron trigger has no valid 5-field cron_expression or a "
                    + "webhook trigger no webhook_event")
    public ResponseEntity<InsightScheduleResponses.Schedule> create(
            @Valid @RequestBody InsightScheduleRequests.Create request, Actor actor) {
        ScheduleSettings settings = new ScheduleSettings(
                request.name(),
                request.enabled() == null || request.enabled(),
                analysisType(request.analysisType()),
                trigger(request.triggerType()),
                request.entityIds(),
                request.hours() == null ? 24 : request.hours(),
                AnalysisOptions.check(request.options()),
                blankToNull(request.cronExpression()),
                blankToNull(request.webhookEvent()),
                filter(request.webhookFilter()));
        InsightScheduleResponses.Schedule created =
                InsightScheduleResponses.Schedule.of(schedules.create(settings, actor));
        return ResponseEntity.created(URI.create("/api/v1/insight-schedules/" + created.id()))
                .body(created);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change some of a schedule's settings (partial; 400 when the body names none)")
    public InsightScheduleResponses.Schedule update(
            @PathVariable UUID id, @Valid @RequestBody InsightScheduleRequests.Update request, Actor actor) {
        ScheduleChanges changes = new ScheduleChanges(
                request.name(),
                request.enabled(),
                request.analysisType() == null ? null : analysisType(request.analysisType()),
                request.entityIds(),
                request.hours(),
                request.options() == null || request.options().isNull()
                        ? null
                        : AnalysisOptions.check(request.options()),
                request.cronExpression(),
                request.webhookEvent(),
                filter(request.webhookFilter()));
        if (changes.isEmpty()) {
            throw ApiException.badRequest("No fields to update");
        }
        return InsightScheduleResponses.Schedule.of(schedules.update(id, changes, actor));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a schedule: gone from the list, never run again, its history kept")
    public ResponseEntity<Void> delete(@PathVariable UUID id, Actor actor) {
        schedules.delete(id, actor);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/run")
    @Operation(
            summary = "Run the schedule now (disabled ones too): starts an analysis job; poll "
                    + "GET /insights/analyze/{job_id}, the outcome becomes the schedule's last_result")
    public InsightScheduleResponses.Run run(@PathVariable UUID id, Actor actor) {
        UUID jobId = schedules
                .run(id, RunTrigger.MANUAL, actor)
                .orElseThrow(() -> new IllegalStateException("a manual run always starts a job"));
        return new InsightScheduleResponses.Run("queued", id, jobId);
    }

    private static AnalysisType analysisType(String value) {
        try {
            return AnalysisType.fromWire(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(e.getMessage());
        }
    }

    private static ScheduleTrigger trigger(String value) {
        try {
            return ScheduleTrigger.fromWire(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(e.getMessage());
        }
    }

    private static JsonNode filter(JsonNode filter) {
        if (filter == null || filter.isNull()) {
            return null;
        }
        if (!filter.isObject()) {
            throw ApiException.validation("webhook_filter must be a JSON object or null");
        }
        return filter;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return blank(value) ? null : value;
    }
}

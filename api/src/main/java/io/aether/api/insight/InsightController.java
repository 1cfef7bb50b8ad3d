package io.aether.api.insight;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.platform.error.ApiException;
import io.aether.domain.actor.Actor;
import io.aether.domain.eventlog.query.EventLogEntry;
import io.aether.domain.insight.AnalysisJobState;
import io.aether.domain.insight.AnalysisType;
import io.aether.domain.insight.DeleteInsight;
import io.aether.domain.insight.DismissInsight;
import io.aether.domain.insight.InsightContent;
import io.aether.domain.insight.InsightStatus;
import io.aether.domain.insight.InsightType;
import io.aether.domain.insight.ReviewInsight;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Insights over HTTP. Every change is an event naming the authenticated principal;
 * {@code reviewed_by} and {@code actioned_by} are only labels beside it. Transitions are guarded
 * (a final insight answers 409) and repeating the action that gave the current status changes
 * nothing.
 */
@RestController
@Validated
@RequestMapping(path = "/api/v1/insights", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Insights", description = "Findings about the home that a person reviews, acts on or dismisses")
public class InsightController {
    private final InsightService insights;

    public InsightController(InsightService insights) {
        this.insights = insights;
    }

    /** The insight's id and its events in order (type, version, timestamp, actor, label, payload). */
    public record History(UUID insightId, List<EventLogEntry> events) {}

    @GetMapping
    @Operation(summary = "List insights, newest first (type and status filters, limit/offset paging)")
    public InsightResponses.Insights list(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        InsightType typeFilter = blank(type) ? null : parse(type, InsightType::fromWire);
        InsightStatus statusFilter = blank(status) ? null : parse(status, InsightStatus::fromWire);
        return InsightResponses.Insights.of(insights.list(typeFilter, statusFilter, limit, offset));
    }

    @GetMapping("/pending")
    @Operation(summary = "List insights not yet reviewed (status generated)")
    public InsightResponses.Insights pending(
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return InsightResponses.Insights.of(insights.list(null, InsightStatus.GENERATED, limit, offset));
    }

    @GetMapping("/summary")
    @Operation(summary = "Counts by type and status, pending and high-impact counts")
    public InsightResponses.Summary summary() {
        return InsightResponses.Summary.of(insights.summary());
    }

    @PostMapping(path = "/analyze", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Start an analysis job (202); poll GET /insights/analyze/{job_id}")
    public ResponseEntity<InsightResponses.AnalysisJob> analyze(
            @Valid @RequestBody InsightRequests.Analyze request, Actor actor) {
        AnalysisType type =
                parse(blank(request.analysisType()) ? "energy" : request.analysisType(), AnalysisType::fromWire);
        JsonNode options = AnalysisOptions.check(request.options());
        AnalysisJobState job = insights.analyze(
                type,
                request.entityIds() == null ? List.of() : request.entityIds(),
                request.hours() == null ? 24 : request.hours(),
                options,
                actor);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/insights/analyze/" + job.jobId()))
                .body(InsightResponses.AnalysisJob.of(job));
    }

    @GetMapping("/analyze/{jobId}")
    @Operation(summary = "An analysis job: running, completed (with its insight ids) or failed (with the error)")
    public InsightResponses.AnalysisJob job(@PathVariable UUID jobId) {
        return InsightResponses.AnalysisJob.of(insights.job(jobId));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get one insight")
    public InsightResponses.Insight get(@PathVariable UUID id) {
        return InsightResponses.Insight.of(insights.get(id));
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "The insight's events in order, with who caused each (kept after a delete)")
    public History history(@PathVariable UUID id) {
        return new History(id, insights.history(id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record an insight (status generated)")
    public ResponseEntity<InsightResponses.Insight> create(
            @Valid @RequestBody InsightRequests.Create request, Actor actor) {
        if (!request.evidence().isObject()) {
            throw ApiException.validation("evidence must be a JSON object");
        }
        if (request.scriptOutput() != null
                && !request.scriptOutput().isNull()
                && !request.scriptOutput().isObject()) {
            throw ApiException.validation("script_output must be a JSON object or null");
        }
        InsightContent content = new InsightContent(
                request.type(),
                request.title(),
                request.description(),
                request.evidence(),
                request.confidence(),
                request.impact(),
                request.entities(),
                request.scriptPath(),
                request.scriptOutput() == null || request.scriptOutput().isNull() ? null : request.scriptOutput(),
                request.mlflowRunId(),
                request.conversationId(),
                request.taskLabel());
        InsightResponses.Insight created = InsightResponses.Insight.of(insights.create(content, actor));
        return ResponseEntity.created(URI.create("/api/v1/insights/" + created.id()))
                .body(created);
    }

    @PostMapping("/{id}/review")
    @Operation(summary = "Mark a generated insight reviewed")
    public InsightResponses.Insight review(
            @PathVariable UUID id, @Valid @RequestBody InsightRequests.Review request, Actor actor) {
        insights.send(new ReviewInsight(id, actor, label(request.reviewedBy()), request.comment()));
        return get(id);
    }

    @PostMapping("/{id}/action")
    @Operation(
            summary = "Mark an insight acted upon (final); create_automation=true first creates the proposal in its "
                    + "evidence.suggested_automation and links the two")
    public InsightResponses.Insight action(
            @PathVariable UUID id, @Valid @RequestBody InsightRequests.Action request, Actor actor) {
        return InsightResponses.Insight.of(insights.act(
                id,
                actor,
                label(request.actionedBy()),
                request.actionTaken(),
                Boolean.TRUE.equals(request.createAutomation())));
    }

    @PostMapping("/{id}/dismiss")
    @Operation(summary = "Dismiss an insight (final)")
    public InsightResponses.Insight dismiss(
            @PathVariable UUID id, @Valid @RequestBody InsightRequests.Dismiss request, Actor actor) {
        insights.send(new DismissInsight(id, actor, request.reason()));
        return get(id);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete an insight: gone from the lists, its history kept")
    public ResponseEntity<Void> delete(@PathVariable UUID id, Actor actor) {
        insights.send(new DeleteInsight(id, actor));
        return ResponseEntity.noContent().build();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String label(String name) {
        return blank(name) ? null : name.strip();
    }

    private static <E> E parse(String value, Function<String, E> fromWire) {
        try {
            return fromWire.apply(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }
}

package io.aether.api.optimization;

import io.aether.api.platform.error.ApiException;
import io.aether.domain.actor.Actor;
import io.aether.domain.optimization.OptimizationAnalysisType;
import io.aether.domain.optimization.OptimizationStatus;
import io.aether.domain.optimization.SuggestionStatus;
import io.aether.domain.optimization.query.OptimizationJobView;
import io.aether.domain.optimization.query.SuggestionList;
import io.aether.domain.optimization.query.SuggestionView;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Optimization runs (jobs recorded as events) and the automation suggestions they make. */
@RestController
@Validated
@RequestMapping(path = "/api/v1/optimize", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Optimization", description = "Behaviour analysis that suggests automations")
public class OptimizationController {
    private final OptimizationService optimizations;

    public OptimizationController(OptimizationService optimizations) {
        this.optimizations = optimizations;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Start an optimization run (202); poll GET /optimize/{job_id}",
            description = "behavior_analysis and automation_gap_detection suggest time-triggered automations from "
                    + "manual actions repeated at similar times; correlation_discovery suggests state-triggered ones "
                    + "from manual actions that follow another entity's change; device_health, cost_optimization "
                    + "and automation_analysis record insights (insight_count) and list them in recommendations.")
    public ResponseEntity<OptimizationResponses.Result> start(
            @Valid @RequestBody OptimizationRequests.Start request, Actor actor) {
        List<String> names =
                request.analysisTypes() == null || request.analysisTypes().isEmpty()
                        ? List.of("behavior_analysis")
                        : request.analysisTypes();
        List<OptimizationAnalysisType> types = names.stream()
                .map(name -> parse(name.strip(), OptimizationAnalysisType::fromWire))
                .toList();
        OptimizationJobView job = optimizations.start(
                types,
                request.hours() == null ? 168 : request.hours(),
                request.entityIds() == null ? List.of() : request.entityIds(),
                request.focusAreas() == null ? List.of() : request.focusAreas(),
                actor);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/optimize/" + job.jobId()))
                .body(OptimizationResponses.Result.of(job));
    }

    @GetMapping("/jobs")
    @Operation(summary = "Optimization jobs, newest first")
    public List<OptimizationResponses.Result> jobs(
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        OptimizationStatus filter = blank(status) ? null : parse(status.strip(), OptimizationStatus::fromWire);
        return optimizations.jobs(filter, limit).stream()
                .map(OptimizationResponses.Result::of)
                .toList();
    }

    @GetMapping("/suggestions/list")
    @Operation(summary = "Automation suggestions, newest first")
    public OptimizationResponses.Suggestions suggestions(
            @RequestParam(name = "job_id", required = false) String jobId,
            @RequestParam(required = false) String status) {
        UUID job = null;
        if (!blank(jobId)) {
            try {
                job = UUID.fromString(jobId.strip());
            } catch (IllegalArgumentException e) {
                throw ApiException.validation("job_id must be a UUID");
            }
        }
        SuggestionStatus filter = blank(status) ? null : parse(status.strip(), SuggestionStatus::fromWire);
        SuggestionList list = optimizations.suggestions(job, filter);
        return new OptimizationResponses.Suggestions(
                list.items().stream()
                        .map(OptimizationResponses.SuggestionResponse::of)
                        .toList(),
                list.total());
    }

    @GetMapping("/{jobId}")
    @Operation(summary = "One optimization job with its suggestions")
    public OptimizationResponses.Result job(@PathVariable String jobId) {
        return OptimizationResponses.Result.of(optimizations.job(jobId));
    }

    @PostMapping("/suggestions/{suggestionId}/accept")
    @Operation(
            summary = "Accept a suggestion: creates the automation proposal and records its id on the suggestion",
            description = "409 when the suggestion was accepted or rejected already.")
    public ResponseEntity<OptimizationResponses.Accepted> accept(
            @PathVariable String suggestionId,
            @Valid @RequestBody(required = false) OptimizationRequests.Accept request,
            Actor actor) {
        SuggestionView accepted = optimizations.accept(suggestionId, request == null ? null : request.comment(), actor);
        return ResponseEntity.accepted()
                .body(new OptimizationResponses.Accepted(
                        "accepted",
                        "Proposal " + accepted.proposalId() + " created from the suggestion",
                        accepted.id(),
                        accepted.proposalId()));
    }

    @PostMapping("/suggestions/{suggestionId}/reject")
    @Operation(summary = "Reject a suggestion (409 when already decided)")
    public OptimizationResponses.Rejected reject(
            @PathVariable String suggestionId,
            @Valid @RequestBody(required = false) OptimizationRequests.Reject request,
            Actor actor) {
        String reason = request == null ? null : request.reason();
        SuggestionView rejected = optimizations.reject(suggestionId, reason, actor);
        return new OptimizationResponses.Rejected("rejected", reason, rejected.id());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static <E> E parse(String value, Function<String, E> fromWire) {
        try {
            return fromWire.apply(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }
}

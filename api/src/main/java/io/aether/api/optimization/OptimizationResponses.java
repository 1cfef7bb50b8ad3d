package io.aether.api.optimization;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.domain.optimization.OptimizationStatus;
import io.aether.domain.optimization.SuggestionStatus;
import io.aether.domain.optimization.query.OptimizationJobView;
import io.aether.domain.optimization.query.SuggestionView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Response bodies of /optimize: the original's shapes plus the links it lacked. */
final class OptimizationResponses {
    private OptimizationResponses() {}

    @Schema(name = "OptimizationResult")
    record Result(
            UUID jobId,
            OptimizationStatus status,
            List<String> analysisTypes,
            int hoursAnalyzed,
            int insightCount,
            int suggestionCount,
            List<Map<String, Object>> insights,
            List<SuggestionResponse> suggestions,
            List<String> recommendations,
            Instant startedAt,
            Instant completedAt,
            String error) {
        static Result of(OptimizationJobView job) {
            return new Result(
                    job.jobId(),
                    job.status(),
                    job.analysisTypes(),
                    job.hoursAnalyzed(),
                    job.insightCount(),
                    job.suggestionCount(),
                    List.of(),
                    job.suggestions() == null
                            ? List.of()
                            : job.suggestions().stream()
                                    .map(SuggestionResponse::of)
                                    .toList(),
                    job.recommendations(),
                    job.startedAt(),
                    job.completedAt(),
                    job.error());
        }
    }

    /** The original's suggestion, plus its job, the automation it becomes and the proposal made from it. */
    @Schema(name = "AutomationSuggestionResponse")
    record SuggestionResponse(
            UUID id,
            String pattern,
            List<String> entities,
            String proposedTrigger,
            String proposedAction,
            double confidence,
            String sourceInsightType,
            SuggestionStatus status,
            Instant createdAt,
            UUID jobId,
            UUID proposalId,
            JsonNode automation) {
        static SuggestionResponse of(SuggestionView s) {
            return new SuggestionResponse(
                    s.id(),
                    s.pattern(),
                    s.entities(),
                    s.proposedTrigger(),
                    s.proposedAction(),
                    s.confidence(),
                    s.sourceInsightType(),
                    s.status(),
                    s.createdAt(),
                    s.jobId(),
                    s.proposalId(),
                    s.automation());
        }
    }

    @Schema(name = "SuggestionListResponse")
    record Suggestions(List<SuggestionResponse> items, long total) {}

    record Accepted(String status, String message, UUID suggestionId, UUID proposalId) {}

    record Rejected(String status, String reason, UUID suggestionId) {}
}

package io.aether.api.insight;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.domain.insight.AnalysisJobState;
import io.aether.domain.insight.AnalysisStatus;
import io.aether.domain.insight.AnalysisType;
import io.aether.domain.insight.InsightImpact;
import io.aether.domain.insight.InsightStatus;
import io.aether.domain.insight.InsightType;
import io.aether.domain.insight.query.InsightList;
import io.aether.domain.insight.query.InsightSummary;
import io.aether.domain.insight.query.InsightView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Response bodies of the insight endpoints, in the original's shapes. */
public final class InsightResponses {
    private InsightResponses() {}

    /**
     * The original's InsightResponse, plus {@code dismissed_at}, {@code proposal_id} (the proposal
     * created from it) and {@code version}.
     */
    @Schema(name = "InsightResponse")
    public record Insight(
            UUID id,
            InsightType type,
            String title,
            String description,
            JsonNode evidence,
            double confidence,
            InsightImpact impact,
            List<String> entities,
            String scriptPath,
            JsonNode scriptOutput,
            InsightStatus status,
            String mlflowRunId,
            String conversationId,
            String taskLabel,
            Instant createdAt,
            Instant reviewedAt,
            Instant actionedAt,
            Instant dismissedAt,
            UUID proposalId,
            int version) {

        static Insight of(InsightView view) {
            var c = view.content();
            return new Insight(
                    view.id(),
                    c.type(),
                    c.title(),
                    c.description(),
                    c.evidence(),
                    c.confidence(),
                    c.impact(),
                    c.entities(),
                    c.scriptPath(),
                    c.scriptOutput(),
                    view.status(),
                    c.mlflowRunId(),
                    c.conversationId(),
                    c.taskLabel(),
                    view.createdAt(),
                    view.reviewedAt(),
                    view.actionedAt(),
                    view.dismissedAt(),
                    view.proposalId(),
                    view.version());
        }
    }

    /**
     * The original's AnalysisJob. {@code status} is running, completed or failed; {@code progress}
     * is 0 until the outcome, then 1; {@code mlflow_run_id} is always null.
     */
    @Schema(name = "AnalysisJob")
    public record AnalysisJob(
            UUID jobId,
            AnalysisStatus status,
            AnalysisType analysisType,
            double progress,
            Instant startedAt,
            Instant completedAt,
            String mlflowRunId,
            List<UUID> insightIds,
            String error,
            String message) {
        static AnalysisJob of(AnalysisJobState job) {
            return new AnalysisJob(
                    job.jobId(),
                    job.status(),
                    job.type(),
                    job.status() == AnalysisStatus.RUNNING ? 0 : 1,
                    job.startedAt(),
                    job.completedAt(),
                    null,
                    job.insightIds(),
                    job.error(),
                    job.note());
        }
    }

    @Schema(name = "InsightListResponse")
    public record Insights(List<Insight> items, long total, int limit, int offset) {
        static Insights of(InsightList list) {
            return new Insights(
                    list.items().stream().map(Insight::of).toList(), list.total(), list.limit(), list.offset());
        }
    }

    @Schema(name = "InsightSummary")
    public record Summary(
            long total, Map<String, Long> byType, Map<String, Long> byStatus, long pendingCount, long highImpactCount) {
        static Summary of(InsightSummary summary) {
            return new Summary(
                    summary.total(),
                    summary.byType(),
                    summary.byStatus(),
                    summary.pendingCount(),
                    summary.highImpactCount());
        }
    }
}

package io.aether.api.report;

import io.aether.domain.report.query.ReportList;
import io.aether.domain.report.query.ReportView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Response bodies of the report endpoints, field for field the original's. */
public final class ReportResponses {
    private ReportResponses() {}

    @Schema(name = "ReportResponse")
    public record Report(
            String id,
            String title,
            String analysisType,

            @Schema(description = "standard: Aether's analyses have one depth")
            String depth,

            @Schema(description = "deterministic: rule-based analysers, no agent team")
            String strategy,

            String status,
            @Schema(nullable = true) String summary,
            List<String> insightIds,

            @Schema(description = "file names under /reports/{id}/artifacts/")
            List<String> artifactPaths,

            List<LogEntry> communicationLog,
            int communicationCount,
            @Schema(nullable = true) String conversationId,
            @Schema(nullable = true) Instant createdAt,
            @Schema(nullable = true) Instant completedAt) {

        static Report of(ReportView view) {
            List<LogEntry> log = ReportService.communication(view);
            return new Report(
                    view.id().toString(),
                    view.title(),
                    view.analysisType(),
                    "standard",
                    "deterministic",
                    view.status(),
                    view.summary(),
                    view.insightIds().stream().map(UUID::toString).toList(),
                    ReportService.artifactNames(view),
                    log,
                    log.size(),
                    null,
                    view.createdAt(),
                    view.completedAt());
        }
    }

    @Schema(name = "ReportListResponse")
    public record Reports(List<Report> reports, long total) {
        static Reports of(ReportList list) {
            return new Reports(list.items().stream().map(Report::of).toList(), list.total());
        }
    }

    /** One step of a report's log: who recorded it, what kind of step, its text and time. */
    public record LogEntry(
            String fromAgent,
            String messageType,
            @Schema(nullable = true) String content,
            @Schema(nullable = true) Instant timestamp) {}

    /** GET /reports/{id}/communication. */
    public record Communication(String reportId, List<LogEntry> communicationLog, int count) {}
}

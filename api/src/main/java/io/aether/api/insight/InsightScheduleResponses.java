package io.aether.api.insight;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.domain.insight.schedule.ScheduleSettings;
import io.aether.domain.insight.schedule.query.InsightScheduleList;
import io.aether.domain.insight.schedule.query.InsightScheduleView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Response bodies of the insight-schedule endpoints, in the original's shapes. */
public final class InsightScheduleResponses {
    private InsightScheduleResponses() {}

    /**
     * The original's InsightScheduleResponse, plus {@code last_job_id} (the analysis job of the
     * last run: GET /insights/analyze/{job_id}) and {@code last_insight_count}. last_result is
     * success or failed once that job has its outcome, null while it runs.
     */
    @Schema(name = "InsightScheduleResponse")
    public record Schedule(
            UUID id,
            String name,
            boolean enabled,
            String analysisType,
            String triggerType,
            List<String> entityIds,
            int hours,
            JsonNode options,
            String cronExpression,
            String webhookEvent,
            JsonNode webhookFilter,
            Instant lastRunAt,
            String lastResult,
            String lastError,
            int runCount,
            UUID lastJobId,
            Integer lastInsightCount,
            Instant createdAt,
            Instant updatedAt) {

        static Schedule of(InsightScheduleView view) {
            ScheduleSettings s = view.settings();
            return new Schedule(
                    view.id(),
                    s.name(),
                    s.enabled(),
                    s.analysisType().wire(),
                    s.triggerType().wire(),
                    s.entityIds(),
                    s.hours(),
                    s.options(),
                    s.cronExpression(),
                    s.webhookEvent(),
                    s.webhookFilter(),
                    view.lastRunAt(),
                    view.lastResult(),
                    view.lastError(),
                    view.runCount(),
                    view.lastJobId(),
                    view.lastInsightCount(),
                    view.createdAt(),
                    view.updatedAt());
        }
    }

    @Schema(name = "InsightScheduleList")
    public record Schedules(List<Schedule> items, long total) {
        static Schedules of(InsightScheduleList list) {
            return new Schedules(list.items().stream().map(Schedule::of).toList(), list.total());
        }
    }

    /** POST /insight-schedules/{id}/run: the original's {status:"queued", schedule_id}, plus the job. */
    @Schema(name = "InsightScheduleRun")
    public record Run(String status, UUID scheduleId, UUID jobId) {}
}

package io.aether.query.insight;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.domain.insight.AnalysisCompleted;
import io.aether.domain.insight.AnalysisFailed;
import io.aether.domain.insight.schedule.InsightScheduleCreated;
import io.aether.domain.insight.schedule.InsightScheduleDeleted;
import io.aether.domain.insight.schedule.InsightScheduleRunStarted;
import io.aether.domain.insight.schedule.InsightScheduleUpdated;
import io.aether.domain.insight.schedule.ScheduleSettings;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds {@code insight_schedule_list}, the read model behind {@code GET /insight-schedules}: the
 * settings from the schedule's events, run count and last run from its run-started events, and the
 * last result from the outcome ({@code AnalysisCompleted} / {@code AnalysisFailed}) of the
 * schedule's last job, found through {@code insight_schedule_job}. A schedule event moves its row
 * only to a newer version (the event's sequence number + 1), so replays change nothing twice; an
 * outcome applies only to the job that is still the schedule's last.
 */
@Component
@ProcessingGroup(InsightScheduleListProjection.PROCESSING_GROUP)
public class InsightScheduleListProjection {
    public static final String PROCESSING_GROUP = "insight-schedule-list";

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    public InsightScheduleListProjection(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    @EventHandler
    void on(InsightScheduleCreated event, @Timestamp Instant at) {
        ScheduleSettings s = event.settings();
        jdbc.sql("""
                        INSERT INTO insight_schedule_list (id, name, enabled, analysis_type, trigger_type, entity_ids,
                            hours, options, cron_expression, webhook_event, webhook_filter, created_at, updated_at,
                            version)
                        VALUES (:id, :name, :enabled, :analysisType, :triggerType, CAST(:entityIds AS jsonb), :hours,
                            CAST(:options AS jsonb), :cron, :webhookEvent, CAST(:webhookFilter AS jsonb), :at, :at, 1)
                        ON CONFLICT (id) DO NOTHING""")
                .param("id", event.scheduleId())
                .params(settings(s))
                .param("at", utc(at))
                .update();
    }

    @EventHandler
    void on(InsightScheduleUpdated event, @SequenceNumber long seq, @Timestamp Instant at) {
        ScheduleSettings s = event.settings();
        jdbc.sql("""
                        UPDATE insight_schedule_list SET name = :name, enabled = :enabled,
                            analysis_type = :analysisType, trigger_type = :triggerType,
                            entity_ids = CAST(:entityIds AS jsonb), hours = :hours, options = CAST(:options AS jsonb),
                            cron_expression = :cron, webhook_event = :webhookEvent,
                            webhook_filter = CAST(:webhookFilter AS jsonb), updated_at = :at, version = :version
                        WHERE id = :id AND version < :version""")
                .param("id", event.scheduleId())
                .params(settings(s))
                .param("at", utc(at))
                .param("version", Math.toIntExact(seq + 1))
                .update();
    }

    @EventHandler
    void on(InsightScheduleDeleted event) {
        jdbc.sql("DELETE FROM insight_schedule_list WHERE id = :id")
                .param("id", event.scheduleId())
                .update();
        jdbc.sql("DELETE FROM insight_schedule_job WHERE schedule_id = :id")
                .param("id", event.scheduleId())
                .update();
    }

    @EventHandler
    void on(InsightScheduleRunStarted event, @SequenceNumber long seq, @Timestamp Instant at) {
        int moved = jdbc.sql("""
                        UPDATE insight_schedule_list SET run_count = run_count + 1, last_run_at = :at,
                            last_job_id = :job, last_result = NULL, last_error = NULL, last_insight_count = NULL,
                            version = :version
                        WHERE id = :id AND version < :version""")
                .param("id", event.scheduleId())
                .param("job", event.jobId())
                .param("at", utc(at))
                .param("version", Math.toIntExact(seq + 1))
                .update();
        if (moved == 1) {
            jdbc.sql("INSERT INTO insight_schedule_job (job_id, schedule_id) VALUES (:job, :id) ON CONFLICT DO NOTHING")
                    .param("job", event.jobId())
                    .param("id", event.scheduleId())
                    .update();
        }
    }

    @EventHandler
    void on(AnalysisCompleted event) {
        outcome(event.jobId(), "success", null, event.insightIds().size());
    }

    @EventHandler
    void on(AnalysisFailed event) {
        outcome(event.jobId(), "failed", event.error(), 0);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE insight_schedule_list, insight_schedule_job").update();
    }

    private void outcome(UUID jobId, String result, String error, int insights) {
        jdbc.sql("""
                        UPDATE insight_schedule_list s SET last_result = :result, last_error = :error,
                            last_insight_count = :insights
                        FROM insight_schedule_job j
                        WHERE j.job_id = :job AND s.id = j.schedule_id AND s.last_job_id = :job""")
                .param("job", jobId)
                .param("result", result)
                .param("error", error)
                .param("insights", insights)
                .update();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write schedule JSON", e);
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    /** The named parameters of a schedule's settings, as both the insert and the update bind them. */
    private Map<String, Object> settings(ScheduleSettings s) {
        Map<String, Object> params = new HashMap<>();
        params.put("name", s.name());
        params.put("enabled", s.enabled());
        params.put("analysisType", s.analysisType().wire());
        params.put("triggerType", s.triggerType().wire());
        params.put("entityIds", s.entityIds() == null ? null : json(s.entityIds()));
        params.put("hours", s.hours());
        params.put("options", json(s.options()));
        params.put("cron", s.cronExpression());
        params.put("webhookEvent", s.webhookEvent());
        params.put("webhookFilter", s.webhookFilter() == null ? null : json(s.webhookFilter()));
        return params;
    }
}

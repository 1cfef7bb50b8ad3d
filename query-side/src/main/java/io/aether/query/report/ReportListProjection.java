package io.aether.query.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.domain.insight.AnalysisCompleted;
import io.aether.domain.insight.AnalysisEvent;
import io.aether.domain.insight.AnalysisFailed;
import io.aether.domain.insight.AnalysisRequested;
import io.aether.domain.job.AnalysisJobs;
import io.aether.domain.optimization.OptimizationCompleted;
import io.aether.domain.optimization.OptimizationEvent;
import io.aether.domain.optimization.OptimizationFailed;
import io.aether.domain.optimization.OptimizationRequested;
import io.aether.query.projection.ProjectionBatch;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
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
 * Builds {@code report_list}: one report per analysis or optimization job, opened when the job is requested and
 * completed (with the job's insights) or failed when it ends. Each statement is guarded by the
 * job's event version, so a replay changes nothing twice, and {@code report_counts} moves only with
 * a row that changed status.
 */
@Component
@ProcessingGroup(ReportListProjection.PROCESSING_GROUP)
public class ReportListProjection {
    public static final String PROCESSING_GROUP = "report-list";
    static final String OPTIMIZATION = "optimization";

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;
    private final ProjectionBatch<UUID, Change> batch = new ProjectionBatch<>(PROCESSING_GROUP, this::write);

    public ReportListProjection(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    record Change(Object event, int version, Instant at) {}

    @EventHandler
    void on(AnalysisEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        batch.add(event.jobId(), new Change(event, Math.toIntExact(seq + 1), at));
    }

    /** An optimization job is a report too (analysis type {@code optimization}: its insights and suggestions). */
    @EventHandler
    void on(OptimizationEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        batch.add(event.jobId(), new Change(event, Math.toIntExact(seq + 1), at));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE report_list, report_counts").update();
    }

    void write(Map<UUID, List<Change>> changes) {
        changes.forEach((id, list) -> list.forEach(change -> apply(id, change)));
    }

    private void apply(UUID id, Change change) {
        OffsetDateTime at = change.at().atOffset(ZoneOffset.UTC);
        if (change.event() instanceof AnalysisRequested requested) {
            open(
                    id,
                    AnalysisJobs.title(requested.type().wire()),
                    requested.type().wire(),
                    requested.entityIds(),
                    requested.hours(),
                    at,
                    change.version());
        } else if (change.event() instanceof AnalysisCompleted completed) {
            int n = completed.insightIds().size();
            String summary = n == 0
                    ? "The analysis found nothing to report."
                    : "The analysis found " + n + (n == 1 ? " insight." : " insights.");
            end(id, "completed", summary, json(completed.insightIds()), "[]", at, change.version());
        } else if (change.event() instanceof AnalysisFailed failed) {
            end(id, "failed", "The analysis failed: " + failed.error(), "[]", "[]", at, change.version());
        } else if (change.event() instanceof OptimizationRequested requested) {
            open(
                    id,
                    "Optimization ("
                            + String.join(
                                    ", ",
                                    requested.analysisTypes().stream()
                                            .map(t -> t.wire())
                                            .toList())
                            + ")",
                    OPTIMIZATION,
                    requested.entityIds(),
                    requested.hours(),
                    at,
                    change.version());
        } else if (change.event() instanceof OptimizationCompleted completed) {
            int n = completed.suggestions().size();
            int insights = completed.insightIds().size();
            String summary = (n == 0
                            ? "The optimization suggested no automation."
                            : "The optimization suggested " + n + (n == 1 ? " automation." : " automations."))
                    + (insights == 0 ? "" : " It recorded " + insights + (insights == 1 ? " insight." : " insights."));
            List<UUID> suggestionIds =
                    completed.suggestions().stream().map(s -> s.suggestionId()).toList();
            end(id, "completed", summary, json(completed.insightIds()), json(suggestionIds), at, change.version());
        } else if (change.event() instanceof OptimizationFailed failed) {
            end(id, "failed", "The optimization failed: " + failed.error(), "[]", "[]", at, change.version());
        }
    }

    private void open(
            UUID id, String title, String type, List<String> entityIds, int hours, OffsetDateTime at, int version) {
        int inserted = jdbc.sql("""
                        INSERT INTO report_list (id, title, analysis_type, status, summary, insight_ids, entity_ids,
                            hours, created_at, version)
                        VALUES (:id, :title, :type, 'running', NULL, '[]'::jsonb, CAST(:entities AS jsonb), :hours,
                            :at, :version)
                        ON CONFLICT (id) DO NOTHING""")
                .param("id", id)
                .param("title", title)
                .param("type", type)
                .param("entities", json(entityIds))
                .param("hours", hours)
                .param("at", at)
                .param("version", version)
                .update();
        if (inserted == 1) {
            count("running", 1);
        }
    }

    private void end(
            UUID id,
            String status,
            String summary,
            String insightIds,
            String suggestionIds,
            OffsetDateTime at,
            int version) {
        String previous = jdbc.sql("""
                        WITH old AS (SELECT status FROM report_list WHERE id = :id AND version < :version FOR UPDATE)
                        UPDATE report_list r SET status = :status, summary = :summary,
                            insight_ids = CAST(:insights AS jsonb), suggestion_ids = CAST(:suggestions AS jsonb),
                            completed_at = :at, version = :version
                        FROM old WHERE r.id = :id RETURNING old.status""")
                .param("id", id)
                .param("status", status)
                .param("summary", summary)
                .param("insights", insightIds)
                .param("suggestions", suggestionIds)
                .param("at", at)
                .param("version", version)
                .query(String.class)
                .optional()
                .orElse(null);
        if (previous != null && !previous.equals(status)) {
            count(previous, -1);
            count(status, 1);
        }
    }

    private void count(String status, int delta) {
        jdbc.sql("""
                        INSERT INTO report_counts (status, n) VALUES (:status, :delta)
                        ON CONFLICT (status) DO UPDATE SET n = report_counts.n + EXCLUDED.n""").param("status", status).param("delta", delta).update();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for report_list", e);
        }
    }
}

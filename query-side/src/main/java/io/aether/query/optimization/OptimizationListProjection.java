package io.aether.query.optimization;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.domain.optimization.OptimizationCompleted;
import io.aether.domain.optimization.OptimizationEvent;
import io.aether.domain.optimization.OptimizationFailed;
import io.aether.domain.optimization.OptimizationRequested;
import io.aether.domain.optimization.Suggestion;
import io.aether.domain.optimization.SuggestionAccepted;
import io.aether.domain.optimization.SuggestionRejected;
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
 * Builds {@code optimization_job_list} and {@code optimization_suggestion}, the read models behind
 * {@code /optimize}. Every statement is guarded by the job aggregate's version
 * ({@code version < :version}) so that replays and redeliveries change nothing twice.
 */
@Component
@ProcessingGroup(OptimizationListProjection.PROCESSING_GROUP)
public class OptimizationListProjection {
    public static final String PROCESSING_GROUP = "optimization-list";

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;
    private final ProjectionBatch<UUID, Change> batch = new ProjectionBatch<>(PROCESSING_GROUP, this::write);

    public OptimizationListProjection(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    record Change(OptimizationEvent event, int version, Instant at) {}

    @EventHandler
    void on(OptimizationEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        batch.add(event.jobId(), new Change(event, Math.toIntExact(seq + 1), at));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE optimization_job_list, optimization_suggestion").update();
    }

    void write(Map<UUID, List<Change>> changes) {
        changes.forEach((id, list) -> list.forEach(change -> apply(id, change)));
    }

    private void apply(UUID jobId, Change change) {
        OffsetDateTime at = change.at().atOffset(ZoneOffset.UTC);
        if (change.event() instanceof OptimizationRequested requested) {
            jdbc.sql("""
                            INSERT INTO optimization_job_list (job_id, status, analysis_types, hours, insight_count,
                                suggestion_count, recommendations, started_at, version)
                            VALUES (:id, 'running', CAST(:types AS jsonb), :hours, 0, 0, '[]', :at, :version)
                            ON CONFLICT (job_id) DO NOTHING""")
                    .param("id", jobId)
                    .param(
                            "types",
                            json(requested.analysisTypes().stream()
                                    .map(t -> t.wire())
                                    .toList()))
                    .param("hours", requested.hours())
                    .param("at", at)
                    .param("version", change.version())
                    .update();
        } else if (change.event() instanceof OptimizationCompleted completed) {
            int updated = jdbc.sql("""
                            UPDATE optimization_job_list SET status = 'completed', completed_at = :at,
                                insight_count = :insights, suggestion_count = :suggestions,
                                recommendations = CAST(:recommendations AS jsonb), version = :version
                            WHERE job_id = :id AND version < :version""")
                    .param("id", jobId)
                    .param("at", at)
                    .param("insights", completed.insightCount())
                    .param("suggestions", completed.suggestions().size())
                    .param("recommendations", json(completed.recommendations()))
                    .param("version", change.version())
                    .update();
            if (updated == 0) {
                return;
            }
            List<Suggestion> suggestions = completed.suggestions();
            for (int i = 0; i < suggestions.size(); i++) {
                Suggestion s = suggestions.get(i);
                jdbc.sql("""
                                INSERT INTO optimization_suggestion (id, job_id, position, pattern, entities,
                                    proposed_trigger, proposed_action, confidence, source_insight_type, status,
                                    created_at, automation, evidence, version)
                                VALUES (:id, :job, :position, :pattern, CAST(:entities AS jsonb), :trigger, :action,
                                    :confidence, :source, 'pending', :at, CAST(:automation AS jsonb),
                                    CAST(:evidence AS jsonb), :version)
                                ON CONFLICT (id) DO NOTHING""")
                        .param("id", s.suggestionId())
                        .param("job", jobId)
                        .param("position", i)
                        .param("pattern", s.pattern())
                        .param("entities", json(s.entities()))
                        .param("trigger", cut(s.proposedTrigger()))
                        .param("action", cut(s.proposedAction()))
                        .param("confidence", s.confidence())
                        .param("source", s.sourceInsightType())
                        .param("at", at)
                        .param("automation", json(s.automation()))
                        .param("evidence", json(s.evidence()))
                        .param("version", change.version())
                        .update();
            }
        } else if (change.event() instanceof OptimizationFailed failed) {
            jdbc.sql("""
                            UPDATE optimization_job_list SET status = 'failed', completed_at = :at, error = :error,
                                version = :version
                            WHERE job_id = :id AND version < :version""")
                    .param("id", jobId)
                    .param("at", at)
                    .param("error", failed.error())
                    .param("version", change.version())
                    .update();
        } else if (change.event() instanceof SuggestionAccepted accepted) {
            decide(accepted.suggestionId(), "accepted", accepted.proposalId(), at, change.version());
        } else if (change.event() instanceof SuggestionRejected rejected) {
            decide(rejected.suggestionId(), "rejected", null, at, change.version());
        }
    }

    private void decide(UUID suggestionId, String status, UUID proposalId, OffsetDateTime at, int version) {
        jdbc.sql("""
                        UPDATE optimization_suggestion SET status = :status, proposal_id = :proposal, decided_at = :at,
                            version = :version
                        WHERE id = :id AND version < :version""")
                .param("id", suggestionId)
                .param("status", status)
                .param("proposal", proposalId)
                .param("at", at)
                .param("version", version)
                .update();
    }

    private static String cut(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an optimization job as JSON", e);
        }
    }
}

package io.aether.query.evaluation;

import io.aether.domain.evaluation.EvaluationCompleted;
import io.aether.domain.evaluation.EvaluationFailed;
import io.aether.domain.evaluation.EvaluationRequested;
import io.aether.domain.evaluation.EvaluationStatus;
import io.aether.domain.evaluation.TraceEvaluated;
import io.aether.domain.evaluation.TraceScore;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds {@code evaluation_run} and {@code evaluation_score} from the evaluation job events. Every
 * write is an idempotent upsert keyed by the job (and trace and scorer), so replays are safe.
 */
@Component
@ProcessingGroup(EvaluationSummaryProjection.PROCESSING_GROUP)
public class EvaluationSummaryProjection {
    public static final String PROCESSING_GROUP = "evaluation-summary";

    private final JdbcClient jdbc;

    public EvaluationSummaryProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(EvaluationRequested event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO evaluation_run (job_id, status, trace_count, requested_at)
                        VALUES (:job, :status, :count, :at) ON CONFLICT (job_id) DO NOTHING""")
                .param("job", event.jobId())
                .param("status", EvaluationStatus.RUNNING.wire())
                .param("count", event.traceIds().size())
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    @EventHandler
    void on(TraceEvaluated event) {
        for (TraceScore score : event.scores()) {
            jdbc.sql("""
                            INSERT INTO evaluation_score (job_id, trace_id, scorer, passed, value, rationale)
                            VALUES (:job, :trace, :scorer, :passed, :value, :rationale)
                            ON CONFLICT (job_id, scorer, trace_id) DO UPDATE SET passed = EXCLUDED.passed,
                                value = EXCLUDED.value, rationale = EXCLUDED.rationale""")
                    .param("job", event.jobId())
                    .param("trace", event.traceId())
                    .param("scorer", score.scorer().wire())
                    .param("passed", score.passed())
                    .param("value", score.value())
                    .param("rationale", score.rationale())
                    .update();
        }
    }

    @EventHandler
    void on(EvaluationCompleted event, @Timestamp Instant at) {
        finish(event.jobId(), EvaluationStatus.COMPLETED, event.traceCount(), null, at);
    }

    @EventHandler
    void on(EvaluationFailed event, @Timestamp Instant at) {
        finish(event.jobId(), EvaluationStatus.FAILED, null, event.error(), at);
    }

    private void finish(UUID jobId, EvaluationStatus status, Integer traceCount, String error, Instant at) {
        jdbc.sql("""
                        UPDATE evaluation_run SET status = :status, completed_at = :at, error = :error,
                            trace_count = COALESCE(:count, trace_count)
                        WHERE job_id = :job""")
                .param("job", jobId)
                .param("status", status.wire())
                .param("at", at.atOffset(ZoneOffset.UTC))
                .param("error", error)
                .param("count", traceCount)
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE evaluation_run, evaluation_score").update();
    }
}

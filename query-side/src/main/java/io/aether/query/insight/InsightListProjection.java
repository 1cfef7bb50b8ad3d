package io.aether.query.insight;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.domain.insight.InsightActedUpon;
import io.aether.domain.insight.InsightContent;
import io.aether.domain.insight.InsightCreated;
import io.aether.domain.insight.InsightDeleted;
import io.aether.domain.insight.InsightDismissed;
import io.aether.domain.insight.InsightReviewed;
import io.aether.domain.insight.InsightStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds {@code insight_list} and {@code insight_counts}, the read models behind
 * {@code GET /insights} and {@code /insights/summary}. Insights change a few times each, so every
 * event is one guarded statement: a row moves only to a newer version ({@code version} is the
 * event's sequence number + 1), which makes replays and redelivered events change nothing twice,
 * and the counts move with the row in the same transaction (one segment, one writer).
 */
@Component
@ProcessingGroup(InsightListProjection.PROCESSING_GROUP)
public class InsightListProjection {
    public static final String PROCESSING_GROUP = "insight-list";

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    public InsightListProjection(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** What the counts need of a row before it changes. */
    private record Current(String type, String status, String impact) {}

    @EventHandler
    void on(InsightCreated event, @Timestamp Instant at) {
        InsightContent c = event.content();
        int inserted = jdbc.sql("""
                        INSERT INTO insight_list (id, type, title, description, evidence, confidence, impact, entities,
                            script_path, script_output, mlflow_run_id, conversation_id, task_label, status, created_at,
                            version)
                        VALUES (:id, :type, :title, :description, CAST(:evidence AS jsonb), :confidence, :impact,
                            CAST(:entities AS jsonb), :scriptPath, CAST(:scriptOutput AS jsonb), :mlflowRunId,
                            :conversationId, :taskLabel, :status, :createdAt, 1)
                        ON CONFLICT (id) DO NOTHING""")
                .param("id", event.insightId())
                .param("type", c.type().wire())
                .param("title", c.title())
                .param("description", c.description())
                .param("evidence", json(c.evidence()))
                .param("confidence", c.confidence())
                .param("impact", c.impact().wire())
                .param("entities", json(c.entities()))
                .param("scriptPath", c.scriptPath())
                .param("scriptOutput", c.scriptOutput() == null ? null : json(c.scriptOutput()))
                .param("mlflowRunId", c.mlflowRunId())
                .param("conversationId", c.conversationId())
                .param("taskLabel", c.taskLabel())
                .param("status", InsightStatus.GENERATED.wire())
                .param("createdAt", utc(at))
                .update();
        if (inserted == 1) {
            count(c.type().wire(), InsightStatus.GENERATED.wire(), c.impact().wire(), 1);
        }
    }

    @EventHandler
    void on(InsightReviewed event, @SequenceNumber long seq, @Timestamp Instant at) {
        moveTo(event.insightId(), InsightStatus.REVIEWED, "reviewed_at", seq, at);
    }

    @EventHandler
    void on(InsightActedUpon event, @SequenceNumber long seq, @Timestamp Instant at) {
        if (moveTo(event.insightId(), InsightStatus.ACTED_UPON, "actioned_at", seq, at) && event.proposalId() != null) {
            jdbc.sql("UPDATE insight_list SET proposal_id = :proposal WHERE id = :id")
                    .param("proposal", event.proposalId())
                    .param("id", event.insightId())
                    .update();
        }
    }

    @EventHandler
    void on(InsightDismissed event, @SequenceNumber long seq, @Timestamp Instant at) {
        moveTo(event.insightId(), InsightStatus.DISMISSED, "dismissed_at", seq, at);
    }

    @EventHandler
    void on(InsightDeleted event, @SequenceNumber long seq) {
        current(event.insightId(), seq).ifPresent(row -> {
            jdbc.sql("DELETE FROM insight_list WHERE id = :id")
                    .param("id", event.insightId())
                    .update();
            count(row.type(), row.status(), row.impact(), -1);
        });
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE insight_list, insight_counts").update();
    }

    /** Whether the row moved; {@code column} is one of this class's constants, never input. */
    private boolean moveTo(UUID id, InsightStatus status, String column, long seq, Instant at) {
        return current(id, seq)
                .map(row -> {
                    jdbc.sql("UPDATE insight_list SET status = :status, " + column
                                    + " = :at, version = :version WHERE id = :id")
                            .param("status", status.wire())
                            .param("at", utc(at))
                            .param("version", Math.toIntExact(seq + 1))
                            .param("id", id)
                            .update();
                    count(row.type(), row.status(), row.impact(), -1);
                    count(row.type(), status.wire(), row.impact(), 1);
                    return true;
                })
                .orElse(false);
    }

    /** The row as it is, if the event at {@code seq} is newer than it (else the event was applied already). */
    private Optional<Current> current(UUID id, long seq) {
        return jdbc.sql("SELECT type, status, impact FROM insight_list WHERE id = :id AND version < :version")
                .param("id", id)
                .param("version", Math.toIntExact(seq + 1))
                .query((rs, n) -> new Current(rs.getString("type"), rs.getString("status"), rs.getString("impact")))
                .optional();
    }

    private void count(String type, String status, String impact, int delta) {
        jdbc.sql("""
                        INSERT INTO insight_counts (type, status, impact, count) VALUES (:type, :status, :impact, :delta)
                        ON CONFLICT (type, status, impact) DO UPDATE SET count = insight_counts.count + :delta""")
                .param("type", type)
                .param("status", status)
                .param("impact", impact)
                .param("delta", delta)
                .update();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write insight JSON", e);
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}

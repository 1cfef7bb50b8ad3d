package io.aether.query.feedback;

import io.aether.domain.feedback.FlowGradeDeleted;
import io.aether.domain.feedback.FlowGradeSubmitted;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds {@code flow_grade_list}: the live grade of each conversation and span. Statements are
 * guarded by the aggregate version, so a replay or redelivery changes nothing twice; a withdrawn
 * grade's row is deleted.
 */
@Component
@ProcessingGroup(AgentFeedback.PROCESSING_GROUP)
public class FlowGradeProjection {
    private final JdbcClient jdbc;

    public FlowGradeProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(FlowGradeSubmitted event, @SequenceNumber long seq, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO flow_grade_list (id, conversation_id, span_id, grade, comment, agent_role,
                            trace_id, created_at, version)
                        VALUES (:id, :conversation, :span, :grade, :comment, :role, :trace, :at, :version)
                        ON CONFLICT (id) DO UPDATE SET grade = EXCLUDED.grade, comment = EXCLUDED.comment,
                            agent_role = EXCLUDED.agent_role, trace_id = EXCLUDED.trace_id,
                            created_at = EXCLUDED.created_at, version = EXCLUDED.version
                        WHERE flow_grade_list.version < EXCLUDED.version""")
                .param("id", event.id())
                .param("conversation", event.conversationId())
                .param("span", event.spanId())
                .param("grade", event.grade())
                .param("comment", event.comment())
                .param("role", event.agentRole())
                .param("trace", event.traceId())
                .param("at", at.atOffset(ZoneOffset.UTC))
                .param("version", Math.toIntExact(seq + 1))
                .update();
    }

    @EventHandler
    void on(FlowGradeDeleted event, @SequenceNumber long seq) {
        jdbc.sql("DELETE FROM flow_grade_list WHERE id = :id AND version < :version")
                .param("id", event.id())
                .param("version", Math.toIntExact(seq + 1))
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE flow_grade_list").update();
    }
}

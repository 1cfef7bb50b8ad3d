package io.aether.query.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.domain.feedback.ModelRated;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds {@code model_rating_list} and {@code model_rating_summary}. A rating is recorded once
 * (its aggregate has one event), so the row insert ignores a redelivery and the summary is only
 * moved on when the row was new.
 */
@Component
@ProcessingGroup(AgentFeedback.PROCESSING_GROUP)
public class ModelRatingProjection {
    private final JdbcClient jdbc;

    public ModelRatingProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ModelRated event, @Timestamp Instant at) {
        String config = json(event.configSnapshot());
        int inserted = jdbc.sql("""
                        INSERT INTO model_rating_list (id, model_name, agent_role, rating, notes, config_snapshot,
                            rated_by, created_at)
                        VALUES (:id, :model, :role, :rating, :notes, CAST(:config AS jsonb), :by, :at)
                        ON CONFLICT (id) DO NOTHING""")
                .param("id", event.id())
                .param("model", event.modelName())
                .param("role", event.agentRole())
                .param("rating", event.rating())
                .param("notes", event.notes())
                .param("config", config)
                .param("by", event.actor() == null ? null : event.actor().name())
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
        if (inserted == 0) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO model_rating_summary (model_name, agent_role, rating_sum, rating_count,
                            latest_config, latest_at)
                        VALUES (:model, :role, :rating, 1, CAST(:config AS jsonb), :at)
                        ON CONFLICT (model_name, agent_role) DO UPDATE SET
                            rating_sum = model_rating_summary.rating_sum + EXCLUDED.rating_sum,
                            rating_count = model_rating_summary.rating_count + 1,
                            latest_config = CASE WHEN EXCLUDED.latest_at >= model_rating_summary.latest_at
                                THEN EXCLUDED.latest_config ELSE model_rating_summary.latest_config END,
                            latest_at = GREATEST(model_rating_summary.latest_at, EXCLUDED.latest_at)""")
                .param("model", event.modelName())
                .param("role", event.agentRole())
                .param("rating", event.rating())
                .param("config", config)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE model_rating_list, model_rating_summary").update();
    }

    private static String json(JsonNode node) {
        return node == null || node.isNull() ? null : node.toString();
    }
}

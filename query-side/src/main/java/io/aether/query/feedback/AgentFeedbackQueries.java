package io.aether.query.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.domain.feedback.query.ConversationGrades;
import io.aether.domain.feedback.query.FindFlowGrades;
import io.aether.domain.feedback.query.FindModelRating;
import io.aether.domain.feedback.query.FlowGradeView;
import io.aether.domain.feedback.query.ListModelRatings;
import io.aether.domain.feedback.query.ModelRatingList;
import io.aether.domain.feedback.query.ModelRatingSummaries;
import io.aether.domain.feedback.query.ModelRatingView;
import io.aether.domain.feedback.query.SummarizeModelRatings;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers rating and flow-grade queries. A page of ratings reads one of the three
 * (filter, created_at) indexes; its total is a sum over the per-model summary rows, so neither
 * grows with the number of ratings.
 */
@Component
public class AgentFeedbackQueries {
    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    public AgentFeedbackQueries(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    @QueryHandler
    public ModelRatingList handle(ListModelRatings query) {
        String where = " WHERE (CAST(:model AS text) IS NULL OR model_name = :model)"
                + " AND (CAST(:role AS text) IS NULL OR agent_role = :role)";
        List<ModelRatingView> items = jdbc.sql("SELECT * FROM model_rating_list" + where
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("model", query.modelName())
                .param("role", query.agentRole())
                .param("limit", query.limit())
                .param("offset", query.offset())
                .query((rs, n) -> rating(rs))
                .list();
        long total = jdbc.sql("SELECT coalesce(sum(rating_count), 0) FROM model_rating_summary" + where)
                .param("model", query.modelName())
                .param("role", query.agentRole())
                .query(Long.class)
                .single();
        return new ModelRatingList(items, total);
    }

    @QueryHandler
    public ModelRatingView handle(FindModelRating query) {
        return jdbc.sql("SELECT * FROM model_rating_list WHERE id = :id")
                .param("id", query.id())
                .query((rs, n) -> rating(rs))
                .optional()
                .orElse(null);
    }

    @QueryHandler
    public ModelRatingSummaries handle(SummarizeModelRatings query) {
        return new ModelRatingSummaries(jdbc.sql("""
                        SELECT * FROM model_rating_summary
                        WHERE CAST(:role AS text) IS NULL OR agent_role = :role
                        ORDER BY model_name, agent_role""")
                .param("role", query.agentRole())
                .query((rs, n) -> new ModelRatingSummaries.Summary(
                        rs.getString("model_name"),
                        rs.getString("agent_role"),
                        Math.round(rs.getLong("rating_sum") * 100.0 / rs.getLong("rating_count")) / 100.0,
                        rs.getLong("rating_count"),
                        json(rs.getString("latest_config"))))
                .list());
    }

    @QueryHandler
    public ConversationGrades handle(FindFlowGrades query) {
        return new ConversationGrades(jdbc.sql("""
                        SELECT * FROM flow_grade_list WHERE conversation_id = :conversation
                        ORDER BY span_id NULLS FIRST, created_at, id""")
                .param("conversation", query.conversationId())
                .query((rs, n) -> new FlowGradeView(
                        rs.getObject("id", UUID.class),
                        rs.getString("conversation_id"),
                        rs.getString("span_id"),
                        rs.getInt("grade"),
                        rs.getString("comment"),
                        rs.getString("agent_role"),
                        rs.getString("trace_id"),
                        rs.getTimestamp("created_at").toInstant()))
                .list());
    }

    private ModelRatingView rating(ResultSet rs) throws SQLException {
        return new ModelRatingView(
                rs.getObject("id", UUID.class),
                rs.getString("model_name"),
                rs.getString("agent_role"),
                rs.getInt("rating"),
                rs.getString("notes"),
                json(rs.getString("config_snapshot")),
                rs.getString("rated_by"),
                rs.getTimestamp("created_at").toInstant());
    }

    private JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON in a feedback read model", e);
        }
    }
}

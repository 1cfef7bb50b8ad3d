package io.aether.query.optimization;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.domain.optimization.OptimizationStatus;
import io.aether.domain.optimization.SuggestionStatus;
import io.aether.domain.optimization.query.FindOptimizationJob;
import io.aether.domain.optimization.query.FindSuggestion;
import io.aether.domain.optimization.query.ListOptimizationJobs;
import io.aether.domain.optimization.query.ListSuggestions;
import io.aether.domain.optimization.query.OptimizationJobList;
import io.aether.domain.optimization.query.OptimizationJobView;
import io.aether.domain.optimization.query.SuggestionList;
import io.aether.domain.optimization.query.SuggestionView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers the optimization queries from the optimization-list read model. */
@Component
public class OptimizationQueries {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    public OptimizationQueries(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    @QueryHandler
    public OptimizationJobView handle(FindOptimizationJob query) {
        List<SuggestionView> suggestions = jdbc.sql(
                        "SELECT * FROM optimization_suggestion WHERE job_id = :job ORDER BY position")
                .param("job", query.jobId())
                .query((rs, n) -> suggestion(rs))
                .list();
        return jdbc.sql("SELECT * FROM optimization_job_list WHERE job_id = :id")
                .param("id", query.jobId())
                .query((rs, n) -> job(rs, suggestions))
                .optional()
                .orElse(null);
    }

    /** Newest first, on the started_at index; each job with its suggestions. */
    @QueryHandler
    public OptimizationJobList handle(ListOptimizationJobs query) {
        String status = query.status() == null ? null : query.status().wire();
        List<UUID> ids = jdbc.sql("""
                        SELECT job_id FROM optimization_job_list
                        WHERE (CAST(:status AS varchar) IS NULL OR status = :status)
                        ORDER BY started_at DESC, job_id LIMIT :limit""")
                .param("status", status)
                .param("limit", query.limit())
                .query(UUID.class)
                .list();
        if (ids.isEmpty()) {
            return new OptimizationJobList(List.of());
        }
        Map<UUID, List<SuggestionView>> suggestions = jdbc
                .sql("SELECT * FROM optimization_suggestion WHERE job_id IN (:ids) ORDER BY job_id, position")
                .param("ids", ids)
                .query((rs, n) -> suggestion(rs))
                .list()
                .stream()
                .collect(Collectors.groupingBy(SuggestionView::jobId));
        List<OptimizationJobView> jobs = jdbc.sql("""
                        SELECT * FROM optimization_job_list WHERE job_id IN (:ids)
                        ORDER BY started_at DESC, job_id""").param("ids", ids).query((rs, n) -> job(rs, null)).list().stream()
                .map(j -> withSuggestions(j, suggestions.getOrDefault(j.jobId(), List.of())))
                .toList();
        return new OptimizationJobList(jobs);
    }

    /** Newest first, then in the order each run found them. */
    @QueryHandler
    public SuggestionList handle(ListSuggestions query) {
        String where = " WHERE (CAST(:job AS uuid) IS NULL OR job_id = :job)"
                + " AND (CAST(:status AS varchar) IS NULL OR status = :status)";
        String status = query.status() == null ? null : query.status().wire();
        List<SuggestionView> items = jdbc.sql(
                        "SELECT * FROM optimization_suggestion" + where + " ORDER BY created_at DESC, job_id, position")
                .param("job", query.jobId())
                .param("status", status)
                .query((rs, n) -> suggestion(rs))
                .list();
        return new SuggestionList(items, items.size());
    }

    @QueryHandler
    public SuggestionView handle(FindSuggestion query) {
        return jdbc.sql("SELECT * FROM optimization_suggestion WHERE id = :id")
                .param("id", query.id())
                .query((rs, n) -> suggestion(rs))
                .optional()
                .orElse(null);
    }

    private OptimizationJobView job(ResultSet rs, List<SuggestionView> suggestions) throws SQLException {
        return new OptimizationJobView(
                rs.getObject("job_id", UUID.class),
                OptimizationStatus.fromWire(rs.getString("status")),
                read(rs.getString("analysis_types"), STRINGS),
                rs.getInt("hours"),
                rs.getInt("insight_count"),
                rs.getInt("suggestion_count"),
                suggestions,
                read(rs.getString("recommendations"), STRINGS),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("completed_at")),
                rs.getString("error"));
    }

    private static OptimizationJobView withSuggestions(OptimizationJobView j, List<SuggestionView> suggestions) {
        return new OptimizationJobView(
                j.jobId(),
                j.status(),
                j.analysisTypes(),
                j.hoursAnalyzed(),
                j.insightCount(),
                j.suggestionCount(),
                suggestions,
                j.recommendations(),
                j.startedAt(),
                j.completedAt(),
                j.error());
    }

    private SuggestionView suggestion(ResultSet rs) throws SQLException {
        return new SuggestionView(
                rs.getObject("id", UUID.class),
                rs.getObject("job_id", UUID.class),
                rs.getString("pattern"),
                read(rs.getString("entities"), STRINGS),
                rs.getString("proposed_trigger"),
                rs.getString("proposed_action"),
                rs.getDouble("confidence"),
                rs.getString("source_insight_type"),
                SuggestionStatus.fromWire(rs.getString("status")),
                instant(rs.getTimestamp("created_at")),
                rs.getObject("proposal_id", UUID.class),
                read(rs.getString("automation"), new TypeReference<JsonNode>() {}),
                read(rs.getString("evidence"), new TypeReference<JsonNode>() {}));
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable optimization read model row", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

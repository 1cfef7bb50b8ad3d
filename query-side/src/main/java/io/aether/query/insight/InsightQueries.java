package io.aether.query.insight;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.domain.insight.AnalysisJobState;
import io.aether.domain.insight.InsightContent;
import io.aether.domain.insight.InsightFold;
import io.aether.domain.insight.InsightImpact;
import io.aether.domain.insight.InsightState;
import io.aether.domain.insight.InsightStatus;
import io.aether.domain.insight.InsightType;
import io.aether.domain.insight.query.FindAnalysisJob;
import io.aether.domain.insight.query.FindInsight;
import io.aether.domain.insight.query.GetInsightSummary;
import io.aether.domain.insight.query.InsightList;
import io.aether.domain.insight.query.InsightSummary;
import io.aether.domain.insight.query.InsightView;
import io.aether.domain.insight.query.ListInsights;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers insight queries: one insight folded from its events (current as soon as a command
 * returned, by the fold the aggregate uses), pages from {@code insight_list}, and totals and the
 * summary from the few rows of {@code insight_counts}.
 */
@Component
public class InsightQueries {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private final EventStore eventStore;
    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    public InsightQueries(EventStore eventStore, JdbcClient jdbc, ObjectMapper mapper) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** The insight, or null when there is none or it was deleted. */
    @QueryHandler
    public InsightView handle(FindInsight query) {
        InsightState state = null;
        try (Stream<? extends DomainEventMessage<?>> events =
                eventStore.readEvents(query.id().toString(), 0L).asStream()) {
            Iterator<? extends DomainEventMessage<?>> it = events.iterator();
            while (it.hasNext()) {
                DomainEventMessage<?> event = it.next();
                if (!"InsightAggregate".equals(event.getType())) {
                    return null; // another aggregate's stream under this id
                }
                state = InsightFold.apply(state, event.getPayload(), event.getTimestamp());
            }
        }
        if (state == null || state.deleted()) {
            return null;
        }
        return InsightView.of(state);
    }

    /** The job folded from its events, or null when there is none. */
    @QueryHandler
    public AnalysisJobState handle(FindAnalysisJob query) {
        AnalysisJobState state = null;
        try (Stream<? extends DomainEventMessage<?>> events =
                eventStore.readEvents(query.jobId().toString(), 0L).asStream()) {
            Iterator<? extends DomainEventMessage<?>> it = events.iterator();
            while (it.hasNext()) {
                DomainEventMessage<?> event = it.next();
                if (!"AnalysisJobAggregate".equals(event.getType())) {
                    return null;
                }
                state = AnalysisJobState.apply(state, event.getPayload(), event.getTimestamp());
            }
        }
        return state;
    }

    /** Newest first; the total is summed from the counts, not counted from the table. */
    @QueryHandler
    public InsightList handle(ListInsights query) {
        String where = " WHERE (CAST(:type AS varchar) IS NULL OR type = :type)"
                + " AND (CAST(:status AS varchar) IS NULL OR status = :status)";
        String type = query.type() == null ? null : query.type().wire();
        String status = query.status() == null ? null : query.status().wire();
        List<InsightView> items = jdbc.sql("SELECT * FROM insight_list" + where
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("type", type)
                .param("status", status)
                .param("limit", query.limit())
                .param("offset", query.offset())
                .query((rs, n) -> view(rs))
                .list();
        long total = jdbc.sql("SELECT COALESCE(SUM(count), 0) FROM insight_counts" + where)
                .param("type", type)
                .param("status", status)
                .query(Long.class)
                .single();
        return new InsightList(items, total, query.limit(), query.offset());
    }

    @QueryHandler
    public InsightSummary handle(GetInsightSummary query) {
        Map<String, Long> byType = new TreeMap<>();
        Map<String, Long> byStatus = new TreeMap<>();
        long[] totals = new long[3]; // all, pending, high impact
        jdbc.sql("SELECT type, status, impact, count FROM insight_counts WHERE count > 0")
                .query(rs -> {
                    long count = rs.getLong("count");
                    byType.merge(rs.getString("type"), count, Long::sum);
                    byStatus.merge(rs.getString("status"), count, Long::sum);
                    totals[0] += count;
                    if (InsightStatus.GENERATED.wire().equals(rs.getString("status"))) {
                        totals[1] += count;
                    }
                    if (InsightImpact.fromWire(rs.getString("impact")).high()) {
                        totals[2] += count;
                    }
                });
        return new InsightSummary(totals[0], byType, byStatus, totals[1], totals[2]);
    }

    private InsightView view(ResultSet rs) throws SQLException {
        try {
            String scriptOutput = rs.getString("script_output");
            InsightContent content = new InsightContent(
                    InsightType.fromWire(rs.getString("type")),
                    rs.getString("title"),
                    rs.getString("description"),
                    mapper.readTree(rs.getString("evidence")),
                    rs.getDouble("confidence"),
                    InsightImpact.fromWire(rs.getString("impact")),
                    mapper.readValue(rs.getString("entities"), STRINGS),
                    rs.getString("script_path"),
                    scriptOutput == null ? null : (JsonNode) mapper.readTree(scriptOutput),
                    rs.getString("mlflow_run_id"),
                    rs.getString("conversation_id"),
                    rs.getString("task_label"));
            return new InsightView(
                    rs.getObject("id", UUID.class),
                    content,
                    InsightStatus.fromWire(rs.getString("status")),
                    instant(rs.getTimestamp("created_at")),
                    instant(rs.getTimestamp("reviewed_at")),
                    instant(rs.getTimestamp("actioned_at")),
                    instant(rs.getTimestamp("dismissed_at")),
                    rs.getObject("proposal_id", UUID.class),
                    rs.getInt("version"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("insight_list holds JSON it cannot read", e);
        }
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}

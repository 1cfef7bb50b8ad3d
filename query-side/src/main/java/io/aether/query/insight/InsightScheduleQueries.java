package io.aether.query.insight;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.domain.insight.AnalysisType;
import io.aether.domain.insight.schedule.ScheduleSettings;
import io.aether.domain.insight.schedule.ScheduleTrigger;
import io.aether.domain.insight.schedule.query.FindInsightSchedule;
import io.aether.domain.insight.schedule.query.InsightScheduleList;
import io.aether.domain.insight.schedule.query.InsightScheduleView;
import io.aether.domain.insight.schedule.query.ListInsightSchedules;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers schedule queries from {@code insight_schedule_list} (current after a command answer:
 * the command gateway waits for the read models). Pages are bounded by the caller's limit; the
 * total counts the matching rows of a table of user-made schedules (tens, not millions).
 */
@Component
public class InsightScheduleQueries {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    public InsightScheduleQueries(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** The schedule, or null when there is none or it was deleted. */
    @QueryHandler
    public InsightScheduleView handle(FindInsightSchedule query) {
        return jdbc.sql("SELECT * FROM insight_schedule_list WHERE id = :id")
                .param("id", query.id())
                .query((rs, n) -> view(rs))
                .optional()
                .orElse(null);
    }

    /** Oldest first (stable order), filtered by trigger type and enabled. */
    @QueryHandler
    public InsightScheduleList handle(ListInsightSchedules query) {
        String where = " WHERE (CAST(:trigger AS varchar) IS NULL OR trigger_type = :trigger)"
                + " AND (NOT :enabledOnly OR enabled)";
        String trigger =
                query.triggerType() == null ? null : query.triggerType().wire();
        List<InsightScheduleView> items = jdbc.sql("SELECT * FROM insight_schedule_list" + where
                        + " ORDER BY created_at, id LIMIT :limit OFFSET :offset")
                .param("trigger", trigger)
                .param("enabledOnly", query.enabledOnly())
                .param("limit", query.limit())
                .param("offset", query.offset())
                .query((rs, n) -> view(rs))
                .list();
        long total = jdbc.sql("SELECT count(*) FROM insight_schedule_list" + where)
                .param("trigger", trigger)
                .param("enabledOnly", query.enabledOnly())
                .query(Long.class)
                .single();
        return new InsightScheduleList(items, total);
    }

    private InsightScheduleView view(ResultSet rs) throws SQLException {
        try {
            String entityIds = rs.getString("entity_ids");
            String filter = rs.getString("webhook_filter");
            ScheduleSettings settings = new ScheduleSettings(
                    rs.getString("name"),
                    rs.getBoolean("enabled"),
                    AnalysisType.fromWire(rs.getString("analysis_type")),
                    ScheduleTrigger.fromWire(rs.getString("trigger_type")),
                    entityIds == null ? null : mapper.readValue(entityIds, STRINGS),
                    rs.getInt("hours"),
                    mapper.readTree(rs.getString("options")),
                    rs.getString("cron_expression"),
                    rs.getString("webhook_event"),
                    filter == null ? null : mapper.readTree(filter));
            return new InsightScheduleView(
                    rs.getObject("id", UUID.class),
                    settings,
                    instant(rs.getTimestamp("last_run_at")),
                    rs.getObject("last_job_id", UUID.class),
                    rs.getString("last_result"),
                    rs.getString("last_error"),
                    rs.getObject("last_insight_count", Integer.class),
                    rs.getInt("run_count"),
                    instant(rs.getTimestamp("created_at")),
                    instant(rs.getTimestamp("updated_at")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("insight_schedule_list holds JSON it cannot read", e);
        }
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}

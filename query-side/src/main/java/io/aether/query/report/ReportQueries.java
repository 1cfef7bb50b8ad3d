package io.aether.query.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.domain.report.query.FindReport;
import io.aether.domain.report.query.ListReports;
import io.aether.domain.report.query.ReportList;
import io.aether.domain.report.query.ReportView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers report queries from {@code report_list}; totals from {@code report_counts}. */
@Component
public class ReportQueries {
    private static final TypeReference<List<UUID>> IDS = new TypeReference<>() {};
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    public ReportQueries(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    @QueryHandler
    public ReportView handle(FindReport query) {
        return jdbc.sql("SELECT * FROM report_list WHERE id = :id")
                .param("id", query.id())
                .query((rs, n) -> view(rs))
                .optional()
                .orElse(null);
    }

    /** Newest first, on an index per filter. */
    @QueryHandler
    public ReportList handle(ListReports query) {
        String where = query.status() == null ? "" : "WHERE status = :status ";
        var items = jdbc.sql("SELECT * FROM report_list " + where
                        + "ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("limit", query.limit())
                .param("offset", query.offset());
        var total = jdbc.sql("SELECT coalesce(sum(n), 0) FROM report_counts "
                + (query.status() == null ? "" : "WHERE status = :status"));
        if (query.status() != null) {
            items = items.param("status", query.status());
            total = total.param("status", query.status());
        }
        return new ReportList(
                items.query((rs, n) -> view(rs)).list(), total.query(Long.class).single());
    }

    private ReportView view(ResultSet rs) throws SQLException {
        Timestamp completed = rs.getTimestamp("completed_at");
        try {
            return new ReportView(
                    rs.getObject("id", UUID.class),
                    rs.getString("title"),
                    rs.getString("analysis_type"),
                    rs.getString("status"),
                    rs.getString("summary"),
                    mapper.readValue(rs.getString("insight_ids"), IDS),
                    mapper.readValue(rs.getString("suggestion_ids"), IDS),
                    mapper.readValue(rs.getString("entity_ids"), STRINGS),
                    rs.getInt("hours"),
                    rs.getTimestamp("created_at").toInstant(),
                    completed == null ? null : completed.toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report_list holds JSON it cannot read", e);
        }
    }
}

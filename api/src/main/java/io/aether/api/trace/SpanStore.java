package io.aether.api.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code trace_span} table (V165): batched inserts from {@link PostgresSpanExporter} (a span
 * exported twice is stored once), the reads behind the trace endpoints and the evaluations, and
 * the retention's delete.
 */
@Component
public class SpanStore {
    /** A trace larger than this is cut (its first spans by start time): a chat turn has dozens. */
    public static final int MAX_SPANS_PER_TRACE = 5000;

    private static final TypeReference<TreeMap<String, Object>> ATTRIBUTES = new TypeReference<>() {};
    private static final String INSERT = "INSERT INTO trace_span (trace_id, span_id, parent_span_id, name, kind,"
            + " span_type, agent, start_time, end_time, duration_ms, status, status_message, attributes,"
            + " conversation_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?)"
            + " ON CONFLICT (trace_id, span_id) DO NOTHING";

    private final JdbcTemplate template;
    private final JdbcClient jdbc;
    private final ObjectMapper json = new ObjectMapper();

    public SpanStore(JdbcTemplate template, JdbcClient jdbc) {
        this.template = template;
        this.jdbc = jdbc;
    }

    /** One JDBC batch for the spans of one export. */
    void insert(List<SpanRow> spans) {
        if (spans.isEmpty()) {
            return;
        }
        template.batchUpdate(INSERT, spans, spans.size(), (ps, span) -> {
            ps.setString(1, span.traceId());
            ps.setString(2, span.spanId());
            ps.setString(3, span.parentSpanId());
            ps.setString(4, span.name());
            ps.setString(5, span.kind());
            ps.setString(6, span.spanType());
            ps.setString(7, span.agent());
            ps.setTimestamp(8, Timestamp.from(span.start()));
            ps.setTimestamp(9, Timestamp.from(span.end()));
            ps.setDouble(10, span.durationMs());
            ps.setString(11, span.status());
            ps.setString(12, span.statusMessage());
            ps.setString(13, toJson(span.attributes()));
            ps.setString(14, span.conversationId());
        });
    }

    /** The trace's spans by start time (at most {@link #MAX_SPANS_PER_TRACE}); empty when unknown. */
    public List<SpanRow> trace(String traceId) {
        return jdbc.sql("SELECT * FROM trace_span WHERE trace_id = :trace ORDER BY start_time, span_id LIMIT :limit")
                .param("trace", traceId)
                .param("limit", MAX_SPANS_PER_TRACE)
                .query(this::row)
                .list();
    }

    /** A recent trace: its root span and how many spans it has. */
    public record TraceHead(SpanRow root, int spanCount) {}

    /** The newest traces by their root span's start, newest first. */
    public List<TraceHead> recent(int limit, int offset) {
        return jdbc.sql("SELECT r.*, (SELECT count(*) FROM trace_span s WHERE s.trace_id = r.trace_id) AS span_count"
                        + " FROM trace_span r WHERE r.parent_span_id IS NULL"
                        + " ORDER BY r.start_time DESC, r.trace_id LIMIT :limit OFFSET :offset")
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, n) -> new TraceHead(row(rs, n), rs.getInt("span_count")))
                .list();
    }

    /** The ids of the newest traces (by root span start), newest first. */
    public List<String> recentTraceIds(int limit) {
        return jdbc.sql("SELECT trace_id FROM trace_span WHERE parent_span_id IS NULL"
                        + " ORDER BY start_time DESC, trace_id LIMIT :limit")
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    /** Deletes the spans that started before {@code cutoff}; answers how many. */
    public int deleteStartedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM trace_span WHERE start_time < :cutoff")
                .param("cutoff", Timestamp.from(cutoff))
                .update();
    }

    private SpanRow row(ResultSet rs, int n) throws SQLException {
        return new SpanRow(
                rs.getString("trace_id"),
                rs.getString("span_id"),
                rs.getString("parent_span_id"),
                rs.getString("name"),
                rs.getString("kind"),
                rs.getString("span_type"),
                rs.getString("agent"),
                rs.getTimestamp("start_time").toInstant(),
                rs.getTimestamp("end_time").toInstant(),
                rs.getDouble("duration_ms"),
                rs.getString("status"),
                rs.getString("status_message"),
                fromJson(rs.getString("attributes")),
                rs.getString("conversation_id"));
    }

    private String toJson(Map<String, Object> attributes) {
        try {
            return json.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("span attributes are not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private Map<String, Object> fromJson(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, ATTRIBUTES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored span attributes are not JSON: " + e.getOriginalMessage(), e);
        }
    }
}

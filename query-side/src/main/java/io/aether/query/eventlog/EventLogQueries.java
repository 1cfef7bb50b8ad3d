package io.aether.query.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.aether.domain.actor.Actor;
import io.aether.domain.eventlog.query.EventLogEntry;
import io.aether.domain.eventlog.query.EventLogFilter;
import io.aether.domain.eventlog.query.EventLogPage;
import io.aether.domain.eventlog.query.FindEvents;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the audit log: {@code event_log} for the filters and the order, {@code domain_event_entry}
 * (by primary key, for the rows read only) for each event's id, stored revision and payload.
 *
 * <p><b>Never past a gap.</b> A global position is taken when an event is inserted but becomes
 * visible when its transaction commits, so position 41 may appear after 42. A reader that had
 * already moved past 41 would miss it for good. Every read therefore stops at the
 * {@link #horizon()}: the highest position up to which {@code event_log} is complete, taken from
 * the event-log processor's token (its index, or just below the lowest gap that may still fill). A
 * gap whose next stored event is older than {@link #GAP_SETTLE} is taken as a rolled-back insert
 * (a lost 409 race, a failed command) that will never fill. The horizon and the rows are read in
 * one repeatable-read transaction, so they agree.
 *
 * <p><b>Time ranges by position.</b> Positions and timestamps rise together, up to the time between
 * an event's timestamp and its insert within one command ({@link #CLOCK_SKEW} bounds it, well
 * above the database's statement and idle-transaction timeouts). A time bound is turned into a
 * position bound through the time index (the first event at or after {@code from - skew}, the last
 * before {@code to + skew}) and then applied exactly, so a time range costs its own rows only.
 */
@Component
public class EventLogQueries {
    /** A gap this much older than the event after it is a rolled-back insert, not a late commit. */
    static final Duration GAP_SETTLE = Duration.ofSeconds(10);
    /** Upper bound of the time between an event's timestamp and its insert. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private static final String COLUMNS = """
            SELECT e.global_position, d.event_identifier, e.aggregate_type, e.aggregate_id, e.sequence_number,
                e.event_type, d.payload_revision, e.time_stamp, e.actor_type, e.actor_id, e.actor_name, e.label,
                e.correlation_id, e.causation_id, d.payload
            FROM event_log e JOIN domain_event_entry d ON d.global_index = e.global_position
            """;

    /** Reads stored payloads; the HTTP mapper would refuse text a stored event may hold (control characters). */
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate streaming;
    private final Serializer serializer;
    private final TransactionTemplate snapshot;

    public EventLogQueries(DataSource dataSource, Serializer serializer, PlatformTransactionManager transactions) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        JdbcTemplate fetching = new JdbcTemplate(dataSource);
        fetching.setFetchSize(EXPORT_FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(fetching);
        this.serializer = serializer;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** Rows fetched per round trip while streaming: PostgreSQL streams a result only inside a transaction. */
    static final int EXPORT_FETCH_SIZE = 500;

    @QueryHandler
    public EventLogPage handle(FindEvents query) {
        return snapshot.execute(status -> {
            MapSqlParameterSource params = new MapSqlParameterSource("limit", query.limit());
            String sql =
                    sql(query.filter(), query.after(), query.before(), query.newestFirst(), horizon(), true, params);
            List<EventLogEntry> items = jdbc.query(sql, params, (rs, n) -> entry(rs));
            Long next = items.size() == query.limit() && !items.isEmpty()
                    ? items.get(items.size() - 1).position()
                    : null;
            return new EventLogPage(items, next);
        });
    }

    /**
     * Hands every matching entry up to the horizon to {@code sink} as it is read, in one read-only
     * transaction with a fetch size: memory stays one fetch of rows whatever the range holds.
     */
    public void export(
            EventLogFilter filter, Long after, Long before, boolean newestFirst, Consumer<EventLogEntry> sink) {
        snapshot.executeWithoutResult(status -> {
            MapSqlParameterSource params = new MapSqlParameterSource();
            String sql = sql(filter, after, before, newestFirst, horizon(), false, params);
            streaming.query(sql, params, rs -> {
                sink.accept(entry(rs));
            });
        });
    }

    /**
     * Entries after {@code after} in position order, up to {@code limit} and never past the horizon
     * (for live streams); an empty list when nothing new is complete.
     */
    public List<EventLogEntry> readAfter(long after, EventLogFilter filter, long upTo, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource("limit", limit);
        return snapshot.execute(status -> jdbc.query(
                sql(filter, after, upTo + 1, false, Math.min(upTo, horizon()), true, params),
                params,
                (rs, n) -> entry(rs)));
    }

    /**
     * The highest position up to which event_log is complete and stays so: every event at or below
     * it that will ever be stored is in the table. 0 before the projection has processed anything.
     */
    public long horizon() {
        List<TrackingToken> tokens = jdbc.query(
                "SELECT token, token_type FROM token_entry WHERE processor_name = :name",
                new MapSqlParameterSource("name", EventLogProjection.PROCESSING_GROUP),
                (rs, n) -> {
                    byte[] bytes = rs.getBytes("token");
                    String type = rs.getString("token_type");
                    return bytes == null || type == null
                            ? null
                            : serializer.<byte[], TrackingToken>deserialize(
                                    new SimpleSerializedObject<>(bytes, byte[].class, type, null));
                });
        if (tokens.isEmpty()) {
            return 0;
        }
        long horizon = Long.MAX_VALUE;
        for (TrackingToken token : tokens) {
            horizon = Math.min(horizon, horizonOf(token));
        }
        return horizon;
    }

    private long horizonOf(TrackingToken token) {
        TrackingToken current = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
        if (current == null) {
            return 0;
        }
        if (!(current instanceof GapAwareTrackingToken gapAware)) {
            return current.position().orElse(0);
        }
        Instant settled = Instant.now().minus(GAP_SETTLE);
        for (long gap : gapAware.getGaps()) {
            if (mayStillFill(gap, settled)) {
                return gap - 1;
            }
        }
        return gapAware.getIndex();
    }

    /** A gap may still fill while the first event stored after it is younger than the settle time. */
    private boolean mayStillFill(long gap, Instant settled) {
        List<String> next = jdbc.queryForList(
                "SELECT time_stamp FROM domain_event_entry WHERE global_index > :gap ORDER BY global_index LIMIT 1",
                new MapSqlParameterSource("gap", gap),
                String.class);
        return next.isEmpty() || Instant.parse(next.get(0)).isAfter(settled);
    }

    /**
     * The statement for a filter, bounds and order, its parameters added to {@code params};
     * {@code limited} adds {@code LIMIT :limit}.
     */
    private String sql(
            EventLogFilter filter,
            Long after,
            Long before,
            boolean newestFirst,
            long horizon,
            boolean limited,
            MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder("WHERE e.global_position <= :horizon");
        params.addValue("horizon", horizon);
        if (after != null) {
            where.append(" AND e.global_position > :after");
            params.addValue("after", after);
        }
        if (before != null) {
            where.append(" AND e.global_position < :before");
            params.addValue("before", before);
        }
        equal(where, params, "e.aggregate_type", "aggregateType", filter.aggregateType());
        equal(where, params, "e.aggregate_id", "aggregateId", filter.aggregateId());
        equal(where, params, "e.event_type", "eventType", filter.eventType());
        equal(
                where,
                params,
                "e.actor_type",
                "actorType",
                filter.actorType() == null ? null : filter.actorType().wire());
        equal(where, params, "e.actor_id", "actorId", filter.actorId());
        if (filter.from() != null) {
            Long first = firstPositionFrom(filter.from().minus(CLOCK_SKEW));
            where.append(" AND e.time_stamp >= :from AND e.global_position >= :fromPosition");
            params.addValue("from", utc(filter.from()));
            params.addValue("fromPosition", first == null ? Long.MAX_VALUE : first);
        }
        if (filter.to() != null) {
            Long last = lastPositionBefore(filter.to().plus(CLOCK_SKEW));
            where.append(" AND e.time_stamp < :to AND e.global_position <= :toPosition");
            params.addValue("to", utc(filter.to()));
            params.addValue("toPosition", last == null ? -1L : last);
        }
        return COLUMNS + where + " ORDER BY e.global_position " + (newestFirst ? "DESC" : "ASC")
                + (limited ? " LIMIT :limit" : "");
    }

    private static void equal(
            StringBuilder where, MapSqlParameterSource params, String column, String name, String value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = :").append(name);
            params.addValue(name, value);
        }
    }

    private Long firstPositionFrom(Instant at) {
        List<Long> found = jdbc.queryForList(
                "SELECT global_position FROM event_log WHERE time_stamp >= :at ORDER BY time_stamp, global_position LIMIT 1",
                new MapSqlParameterSource("at", utc(at)),
                Long.class);
        return found.isEmpty() ? null : found.get(0);
    }

    private Long lastPositionBefore(Instant at) {
        List<Long> found = jdbc.queryForList(
                "SELECT global_position FROM event_log WHERE time_stamp < :at"
                        + " ORDER BY time_stamp DESC, global_position DESC LIMIT 1",
                new MapSqlParameterSource("at", utc(at)),
                Long.class);
        return found.isEmpty() ? null : found.get(0);
    }

    private static EventLogEntry entry(ResultSet rs) throws SQLException {
        String actorType = rs.getString("actor_type");
        Actor actor = actorType == null
                ? null
                : new Actor(Actor.Type.fromWire(actorType), rs.getString("actor_id"), rs.getString("actor_name"));
        Long sequence = rs.getObject("sequence_number", Long.class);
        return new EventLogEntry(
                rs.getLong("global_position"),
                rs.getString("event_identifier"),
                rs.getString("aggregate_type"),
                rs.getString("aggregate_id"),
                sequence == null ? 0 : sequence + 1,
                rs.getString("event_type"),
                rs.getString("payload_revision"),
                rs.getObject("time_stamp", OffsetDateTime.class).toInstant(),
                actor,
                rs.getString("label"),
                rs.getString("correlation_id"),
                rs.getString("causation_id"),
                payload(rs.getBytes("payload")));
    }

    private static JsonNode payload(byte[] stored) {
        try {
            return SecretFields.redact(PLAIN.readTree(stored));
        } catch (IOException e) {
            // Not written by the JSON serializer: shown as what it is, never as its bytes.
            return TextNode.valueOf("[not JSON: " + stored.length + " bytes]");
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}

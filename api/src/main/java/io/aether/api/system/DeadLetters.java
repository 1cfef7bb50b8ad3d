package io.aether.api.system;

import io.aether.api.platform.error.ApiException;
import io.aether.domain.ErrorKind;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The projections' parked events (Axon's JDBC sequenced dead-letter queue, table
 * dead_letter_entry): listed and counted by SQL on the table, retried and evicted through Axon's
 * queue so that its claims and ordering hold.
 *
 * <p>Axon parks per sequence (an aggregate): a letter behind the sequence's first one cannot be
 * handled before it. So a retry of any letter retries its whole sequence from the first letter,
 * in order, and stops at the first that fails again (it stays parked with the new cause).
 */
@Component
public class DeadLetters {
    static final int MAX_LIMIT = 500;

    private static final String COLUMNS = """
            dead_letter_id, processing_group, sequence_identifier, sequence_index, event_identifier, payload_type,
            aggregate_type, aggregate_identifier, sequence_number, time_stamp, enqueued_at, last_touched, cause_type,
            cause_message""";

    private final JdbcClient jdbc;
    private final EventProcessingConfiguration processing;

    public DeadLetters(JdbcClient jdbc, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.processing = processing;
    }

    /** Parked events per processing group (groups with none are absent). */
    public Map<String, Long> countsByGroup() {
        return jdbc
                .sql("SELECT processing_group, count(*) AS n FROM dead_letter_entry GROUP BY processing_group")
                .query((rs, row) -> Map.entry(rs.getString("processing_group"), rs.getLong("n")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * One page in (processing group, sequence, index) order: a sequence's letters together, in the
     * order they will be retried. {@code after} is the previous page's {@code next_after}.
     */
    public SystemResponses.DeadLetterPage list(String group, int limit, String after) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.validation("limit must be between 1 and " + MAX_LIMIT);
        }
        if (group != null) {
            requireQueue(group);
        }
        Cursor cursor = after == null || after.isBlank() ? null : Cursor.parse(after);
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM dead_letter_entry WHERE true");
        if (group != null) {
            sql.append(" AND processing_group = :group");
        }
        if (cursor != null) {
            sql.append(" AND (processing_group, sequence_identifier, sequence_index) > (:g, :s, :i)");
        }
        sql.append(" ORDER BY processing_group, sequence_identifier, sequence_index LIMIT :limit");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString()).param("limit", limit);
        if (group != null) {
            statement = statement.param("group", group);
        }
        if (cursor != null) {
            statement = statement
                    .param("g", cursor.group())
                    .param("s", cursor.sequence())
                    .param("i", cursor.index());
        }
        List<SystemResponses.DeadLetter> items =
                statement.query((rs, row) -> letter(rs)).list();
        long total = group == null
                ? jdbc.sql("SELECT count(*) FROM dead_letter_entry")
                        .query(Long.class)
                        .single()
                : jdbc.sql("SELECT count(*) FROM dead_letter_entry WHERE processing_group = :group")
                        .param("group", group)
                        .query(Long.class)
                        .single();
        String next = null;
        if (items.size() == limit) {
            SystemResponses.DeadLetter last = items.get(items.size() - 1);
            next = new Cursor(last.processingGroup(), last.sequenceIdentifier(), last.sequenceIndex()).encode();
        }
        return new SystemResponses.DeadLetterPage(items, total, limit, next);
    }

    /** Retries the sequence the letter {@code id} belongs to, on this node, from its first letter. */
    public SystemResponses.DeadLetterRetry retry(String id) {
        SystemResponses.DeadLetter letter = find(id);
        String group = letter.processingGroup();
        String sequence = letter.sequenceIdentifier();
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing
                .sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> new ApiException(
                        ErrorKind.UNAVAILABLE, "Processing group '" + group + "' has no dead-letter processor here"));
        boolean succeeded = processor.process(first -> sequence.equals(sequenceOf(first)));
        long remaining = jdbc.sql("SELECT count(*) FROM dead_letter_entry WHERE processing_group = :group"
                        + " AND sequence_identifier = :sequence")
                .param("group", group)
                .param("sequence", sequence)
                .query(Long.class)
                .single();
        String cause = remaining == 0
                ? null
                : jdbc.sql("SELECT cause_message FROM dead_letter_entry WHERE processing_group = :group"
                                + " AND sequence_identifier = :sequence ORDER BY sequence_index LIMIT 1")
                        .param("group", group)
                        .param("sequence", sequence)
                        .query(String.class)
                        .optional()
                        .orElse(null);
        return new SystemResponses.DeadLetterRetry(id, group, sequence, succeeded && remaining == 0, remaining, cause);
    }

    /**
     * Removes one letter for good: its event stays out of the projection until the next rebuild.
     * When it was the last of its sequence, the aggregate's new events are handled again.
     */
    public void evict(String id) {
        SystemResponses.DeadLetter letter = find(id);
        SequencedDeadLetterQueue<EventMessage<?>> queue = requireQueue(letter.processingGroup());
        for (DeadLetter<? extends EventMessage<?>> candidate : queue.deadLetterSequence(letter.sequenceIdentifier())) {
            if (candidate instanceof JdbcDeadLetter<?> jdbcLetter
                    && jdbcLetter.getIdentifier().equals(id)) {
                queue.evict(candidate);
                return;
            }
        }
        throw notFound(id);
    }

    private SystemResponses.DeadLetter find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dead_letter_entry WHERE dead_letter_id = :id")
                .param("id", id)
                .query((rs, row) -> letter(rs))
                .optional()
                .orElseThrow(() -> notFound(id));
    }

    private SequencedDeadLetterQueue<EventMessage<?>> requireQueue(String group) {
        Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue = processing.deadLetterQueue(group);
        return queue.orElseThrow(() -> new ApiException(
                ErrorKind.NOT_FOUND,
                "No processing group named '" + group + "' with a dead-letter queue; groups with one: "
                        + String.join(", ", groupsWithQueues())));
    }

    private List<String> groupsWithQueues() {
        return processing.eventProcessors().keySet().stream()
                .filter(name -> processing.deadLetterQueue(name).isPresent())
                .sorted()
                .toList();
    }

    private static ApiException notFound(String id) {
        return new ApiException(ErrorKind.NOT_FOUND, "No dead letter with id '" + id + "'");
    }

    private static String sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        return letter instanceof JdbcDeadLetter<?> jdbcLetter ? jdbcLetter.getSequenceIdentifier() : null;
    }

    private static SystemResponses.DeadLetter letter(ResultSet rs) throws SQLException {
        String payloadType = rs.getString("payload_type");
        Long sequenceNumber = rs.getObject("sequence_number", Long.class);
        return new SystemResponses.DeadLetter(
                rs.getString("dead_letter_id"),
                rs.getString("processing_group"),
                rs.getString("sequence_identifier"),
                rs.getLong("sequence_index"),
                rs.getString("event_identifier"),
                payloadType.substring(payloadType.lastIndexOf('.') + 1),
                rs.getString("aggregate_type"),
                rs.getString("aggregate_identifier"),
                sequenceNumber,
                instant(rs.getString("time_stamp")),
                instant(rs.getString("enqueued_at")),
                instant(rs.getString("last_touched")),
                rs.getString("cause_type"),
                rs.getString("cause_message"));
    }

    private static Instant instant(String stored) {
        return stored == null ? null : DateTimeUtils.parseInstant(stored);
    }

    /** The keyset position of a letter, handed out as opaque text. */
    record Cursor(String group, String sequence, long index) {
        String encode() {
            String raw = group + "\n" + sequence + "\n" + index;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String text) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
                String[] parts = raw.split("\n", -1);
                if (parts.length != 3) {
                    throw new IllegalArgumentException("not a cursor");
                }
                return new Cursor(parts[0], parts[1], Long.parseLong(parts[2]));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("after is not a cursor this API handed out");
            }
        }
    }
}

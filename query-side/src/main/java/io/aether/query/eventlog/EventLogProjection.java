package io.aether.query.eventlog;

import io.aether.domain.actor.Actor;
import io.aether.domain.messaging.MessageMetadata;
import io.aether.query.projection.ProjectionBatch;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.serialization.UnknownSerializedType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds {@code event_log}: one row per stored event, of every aggregate and every event type
 * (one handler for any payload, so events of domains added later are listed without a change
 * here), with what the audit log filters on: aggregate, event type, time, and actor. The event
 * store's metadata is a JSON blob no index can serve, so who did it is read here once: the actor
 * the event names ({@link EventActors}), else the principal in its metadata. Payloads are not
 * copied; {@link EventLogQueries} reads them from the store for the page it answers.
 *
 * <p>Rows are keyed by the event's global position and written per processing batch with
 * {@code ON CONFLICT DO NOTHING}, so a replay or a redelivered batch changes nothing twice. A
 * payload whose class is unknown (a type removed or not yet deployed here) is still listed, with
 * the type name it was stored under.
 */
@Component
@ProcessingGroup(EventLogProjection.PROCESSING_GROUP)
public class EventLogProjection {
    public static final String PROCESSING_GROUP = "event-log";

    private static final String INSERT = """
            INSERT INTO event_log (global_position, aggregate_type, aggregate_id, sequence_number, event_type,
                time_stamp, actor_type, actor_id, actor_name, label, correlation_id, causation_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (global_position) DO NOTHING""";
    private static final int TEXT = Types.VARCHAR;
    private static final int[] INSERT_TYPES = {
        Types.BIGINT, TEXT, TEXT, Types.BIGINT, TEXT, Types.TIMESTAMP_WITH_TIMEZONE, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT
    };

    private final JdbcTemplate batches;
    private final JdbcClient jdbc;
    /** Rows by event identifier; the first column (the position) is filled in by {@link #write}. */
    private final ProjectionBatch<String, Object[]> batch = new ProjectionBatch<>(PROCESSING_GROUP, this::write);

    public EventLogProjection(JdbcTemplate batches, JdbcClient jdbc) {
        this.batches = batches;
        this.jdbc = jdbc;
    }

    /**
     * The event's own position is looked up by its identifier when the batch is written: the
     * tracking token's position is the highest position seen, which for an event that committed
     * after a later one (it fills a gap) is that later event's position, not its own.
     */
    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> d ? d : null;
        Map<String, ?> metadata = message.getMetaData();
        Optional<EventActors.Found> named = EventActors.of(payload);
        Actor actor = named.map(EventActors.Found::actor).orElseGet(() -> metadataActor(metadata));
        batch.add(message.getIdentifier(), new Object[] {
            null,
            domain == null ? null : domain.getType(),
            domain == null ? null : domain.getAggregateIdentifier(),
            domain == null ? null : domain.getSequenceNumber(),
            eventType(payload, message),
            message.getTimestamp().atOffset(ZoneOffset.UTC),
            actor == null ? null : actor.type().wire(),
            actor == null ? null : actor.id(),
            actor == null ? null : actor.name(),
            named.map(EventActors.Found::label).orElse(null),
            MessageMetadata.text(metadata.get(MessageMetadata.CORRELATION_ID)),
            MessageMetadata.text(metadata.get(MessageMetadata.CAUSATION_ID))
        });
    }

    @ResetHandler
    void reset() {
        batches.execute("TRUNCATE event_log");
    }

    void write(Map<String, List<Object[]>> rowsByEvent) {
        Map<String, Long> positions = new HashMap<>();
        jdbc.sql("SELECT event_identifier, global_index FROM domain_event_entry WHERE event_identifier IN (:ids)")
                .param("ids", List.copyOf(rowsByEvent.keySet()))
                .query((rs, n) -> positions.put(rs.getString(1), rs.getLong(2)))
                .list();
        List<Object[]> rows = new ArrayList<>(rowsByEvent.size());
        rowsByEvent.forEach((id, forEvent) -> {
            Long position = positions.get(id);
            if (position == null) {
                throw new IllegalStateException("event " + id + " is not in the event store");
            }
            for (Object[] row : forEvent) {
                row[0] = position;
                rows.add(row);
            }
        });
        batches.batchUpdate(INSERT, rows, INSERT_TYPES);
    }

    /** The short name the event is listed under: its class's, or the stored one's when the class is unknown. */
    static String eventType(Object payload, EventMessage<?> message) {
        String name = payload instanceof UnknownSerializedType unknown
                ? unknown.serializedType().getName()
                : message.getPayloadType().getName();
        return name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf('$')) + 1);
    }

    /** The principal the metadata names; an actor type this version does not know is kept as unknown. */
    private static Actor metadataActor(Map<String, ?> metadata) {
        try {
            return MessageMetadata.actorOf(metadata).orElse(null);
        } catch (IllegalArgumentException e) {
            return new Actor(
                    Actor.Type.UNKNOWN,
                    MessageMetadata.text(metadata.get(MessageMetadata.ACTOR_ID)),
                    MessageMetadata.text(metadata.get(MessageMetadata.ACTOR_NAME)));
        }
    }
}

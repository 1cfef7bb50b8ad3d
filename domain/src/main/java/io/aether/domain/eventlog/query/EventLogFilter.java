package io.aether.domain.eventlog.query;

import io.aether.domain.actor.Actor;
import java.time.Instant;

/**
 * Which events of the audit log to show; every part is optional (null matches all) and the parts
 * combine with AND. {@code from} is inclusive, {@code to} exclusive.
 */
public record EventLogFilter(
        String aggregateType,
        String aggregateId,
        String eventType,
        Actor.Type actorType,
        String actorId,
        Instant from,
        Instant to) {

    public static final EventLogFilter ALL = new EventLogFilter(null, null, null, null, null, null, null);

    /** Whether this entry passes the filter: the same rule the queries state in SQL. */
    public boolean matches(EventLogEntry entry) {
        Actor actor = entry.actor();
        return (aggregateType == null || aggregateType.equals(entry.aggregateType()))
                && (aggregateId == null || aggregateId.equals(entry.aggregateId()))
                && (eventType == null || eventType.equals(entry.eventType()))
                && (actorType == null || (actor != null && actorType == actor.type()))
                && (actorId == null || (actor != null && actorId.equals(actor.id())))
                && (from == null || !entry.timestamp().isBefore(from))
                && (to == null || entry.timestamp().isBefore(to));
    }
}

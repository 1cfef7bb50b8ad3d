package io.aether.api.eventlog;

import io.aether.api.platform.error.ApiException;
import io.aether.domain.actor.Actor;
import io.aether.domain.eventlog.query.EventLogFilter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The audit log's query parameters, checked once for the list, the export and the stream: a
 * malformed value is 400, a well-formed one that cannot be served (from after to, an unknown
 * actor type) is 422, before anything is read.
 */
record EventLogRequest(EventLogFilter filter, Long after, Long before, boolean newestFirst) {

    static EventLogRequest parse(
            String aggregateType,
            String aggregateId,
            String eventType,
            String actorType,
            String actorId,
            String from,
            String to,
            String after,
            String before,
            String order) {
        Instant fromInstant = instant("from", from);
        Instant toInstant = instant("to", to);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            throw ApiException.validation("'from' must be before 'to'");
        }
        EventLogFilter filter = new EventLogFilter(
                blankToNull(aggregateType),
                blankToNull(aggregateId),
                blankToNull(eventType),
                actorType(actorType),
                blankToNull(actorId),
                fromInstant,
                toInstant);
        return new EventLogRequest(filter, position("after", after), position("before", before), newestFirst(order));
    }

    static boolean newestFirst(String order) {
        if (order == null || order.isBlank()) {
            return true;
        }
        return switch (order.toLowerCase(Locale.ROOT)) {
            case "newest" -> true;
            case "oldest" -> false;
            default -> throw ApiException.badRequest("'order' must be newest or oldest");
        };
    }

    /** A position cursor: a non-negative integer. */
    static Long position(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed < 0) {
                throw ApiException.badRequest("'" + name + "' must be a position (a non-negative integer)");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("'" + name + "' must be a position (a non-negative integer)");
        }
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'" + name + "' must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }

    private static Actor.Type actorType(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Actor.Type.fromWire(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("'actor_type': " + e.getMessage());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

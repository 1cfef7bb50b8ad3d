package io.aether.api.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.domain.actor.Actor;
import io.aether.domain.eventlog.query.EventLogEntry;
import io.aether.domain.eventlog.query.EventLogPage;
import java.time.Instant;
import java.util.List;

/** The audit log's wire shapes (snake_case through the HTTP mapper), one entry shape for list, export and stream. */
final class EventLogResponses {
    private EventLogResponses() {}

    /** One stored event; see docs/api.md "Audit log". */
    record Entry(
            long position,
            String eventId,
            String aggregateType,
            String aggregateId,
            long version,
            String eventType,
            String revision,
            Instant timestamp,
            Actor actor,
            String label,
            String correlationId,
            String causationId,
            JsonNode payload) {

        static Entry of(EventLogEntry e) {
            return new Entry(
                    e.position(),
                    e.eventId(),
                    e.aggregateType(),
                    e.aggregateId(),
                    e.version(),
                    e.eventType(),
                    e.revision(),
                    e.timestamp(),
                    e.actor(),
                    e.label(),
                    e.correlationId(),
                    e.causationId(),
                    e.payload());
        }
    }

    /**
     * A page, in the order asked for. {@code next} is the cursor of the following page: send it as
     * {@code before} (order newest) or {@code after} (order oldest); null when this page was the last.
     */
    record Page(List<Entry> items, String next, int limit, String order) {
        static Page of(EventLogPage page, int limit, boolean newestFirst) {
            return new Page(
                    page.items().stream().map(Entry::of).toList(),
                    page.next() == null ? null : Long.toString(page.next()),
                    limit,
                    newestFirst ? "newest" : "oldest");
        }
    }
}

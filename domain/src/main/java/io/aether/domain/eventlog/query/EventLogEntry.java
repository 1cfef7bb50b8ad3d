package io.aether.domain.eventlog.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.domain.actor.Actor;
import java.time.Instant;

/**
 * One stored event as the audit log shows it.
 *
 * @param position      the event's global position in the store (its {@code global_index}), the cursor
 * @param eventId       the event's message id (what a later message names as its {@code causation_id})
 * @param aggregateType the aggregate's type as stored, e.g. {@code ProposalAggregate}
 * @param aggregateId   the aggregate's id
 * @param version       the aggregate's version after this event (sequence number + 1)
 * @param eventType     the event's short type name, e.g. {@code ProposalApproved}
 * @param revision      the payload's revision as stored
 * @param timestamp     when the event was recorded
 * @param actor         who caused it (from the event, else from its metadata); null when unknown
 * @param label         the name the client gave (display only), if any
 * @param correlationId the request whose chain recorded it, if tracked
 * @param causationId   the message whose handling recorded it, if tracked
 * @param payload       the payload as stored, with secret-named fields redacted
 */
public record EventLogEntry(
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
        JsonNode payload) {}

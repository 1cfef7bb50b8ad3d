package io.aether.query.security;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aether.domain.actor.Actor;
import io.aether.domain.messaging.MessageMetadata;
import io.aether.domain.security.AuditContext;
import io.aether.domain.security.SecurityEvent;
import io.aether.domain.security.SecurityPrincipal;
import io.aether.domain.security.query.GetSecurityAudit;
import io.aether.domain.security.query.SecurityAuditEntry;
import io.aether.domain.security.query.SecurityAuditPage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers the security audit trail straight from the event store: the security principal's
 * events are the audit log, so there is no projection to keep in step. A page is read by
 * position (sequence numbers), so a call costs the page, not the whole ever-growing stream.
 */
@Component
public class SecurityAuditQueries {
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> ORDERED_MAP = new TypeReference<>() {};

    /** Components every event has, shown as the entry's own fields; both spellings, the HTTP mapper is snake_case. */
    private static final List<String> NOT_DETAILS = List.of("principalId", "principal_id", "audit");

    /** Stands in for an event stored without an audit context. */
    private static final AuditContext NO_AUDIT = new AuditContext(Actor.unknown(null), null, null, null);

    private final EventStore eventStore;
    private final ObjectMapper mapper;

    public SecurityAuditQueries(EventStore eventStore, ObjectMapper mapper) {
        this.eventStore = eventStore;
        this.mapper = mapper;
    }

    @QueryHandler
    public SecurityAuditPage handle(GetSecurityAudit query) {
        int limit = Math.max(0, query.limit());
        int offset = Math.max(0, query.offset());
        long total = eventStore
                .lastSequenceNumberFor(SecurityPrincipal.ID)
                .map(last -> last + 1)
                .orElse(0L);
        // Newest first: entry i of the page has sequence total - 1 - offset - i.
        long end = Math.max(0, total - offset);
        long first = Math.max(0, end - limit);
        List<SecurityAuditEntry> items =
                new ArrayList<>(page(first, end).stream().map(this::entry).toList());
        Collections.reverse(items);
        return new SecurityAuditPage(items, total, query.limit(), query.offset());
    }

    private SecurityAuditEntry entry(DomainEventMessage<?> message) {
        SecurityEvent event = (SecurityEvent) message.getPayload();
        AuditContext audit = event.audit() != null ? event.audit() : NO_AUDIT;
        return new SecurityAuditEntry(
                message.getSequenceNumber() + 1,
                message.getPayloadType().getSimpleName(),
                message.getTimestamp(),
                audit.actor(),
                audit.label(),
                audit.clientAddress(),
                audit.userAgent(),
                details(event),
                MessageMetadata.text(message.getMetaData().get(MessageMetadata.CORRELATION_ID)));
    }

    /**
     * The event's own components in declaration order, named by the injected mapper. The tree is
     * turned into plain values by a plain mapper: the HTTP mapper's string deserializer refuses
     * control characters, and one stored value holding one (say, a username sent to a login form)
     * must not make the audit unreadable.
     */
    private Map<String, Object> details(SecurityEvent event) {
        ObjectNode tree = mapper.valueToTree(event);
        tree.remove(NOT_DETAILS);
        return PLAIN.convertValue(tree, ORDERED_MAP);
    }

    /**
     * Events with sequence numbers in [first, end), read from the store from first (which skips
     * snapshots, should one ever be taken) and no further than needed: the engine reads in batches.
     */
    private List<DomainEventMessage<?>> page(long first, long end) {
        if (first >= end) {
            return List.of();
        }
        return eventStore
                .readEvents(SecurityPrincipal.ID, first)
                .asStream()
                .takeWhile(message -> message.getSequenceNumber() < end)
                .<DomainEventMessage<?>>map(message -> message)
                .toList();
    }
}

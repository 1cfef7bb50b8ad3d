package io.aether.query.security;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aether.domain.actor.Actor;
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
 * events are the audit log, so there is no projection to keep in step.
 */
@Component
public class SecurityAuditQueries {
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> ORDERED_MAP = new TypeReference<>() {
    };

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
        List<DomainEventMessage<?>> newestFirst = newestFirst();
        List<SecurityAuditEntry> items = newestFirst.stream()
                .skip(Math.max(0, query.offset()))
                .limit(Math.max(0, query.limit()))
                .map(this::entry)
                .toList();
        return new SecurityAuditPage(items, newestFirst.size(), query.limit(), query.offset());
    }

    private SecurityAuditEntry entry(DomainEventMessage<?> message) {
        SecurityEvent event = (SecurityEvent) message.getPayload();
        AuditContext audit = event.audit() != null ? event.audit() : NO_AUDIT;
        return new SecurityAuditEntry(message.getSequenceNumber() + 1, message.getPayloadType().getSimpleName(),
                message.getTimestamp(), audit.actor(), audit.label(), audit.clientAddress(), audit.userAgent(),
                details(event));
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

    /** Read from sequence 0 so that a snapshot, should one ever be taken, never hides events. */
    private List<DomainEventMessage<?>> newestFirst() {
        List<DomainEventMessage<?>> events = new ArrayList<>(
                eventStore.readEvents(SecurityPrincipal.ID, 0L).asStream().toList());
        Collections.reverse(events);
        return events;
    }
}

package io.aether.query.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.domain.agent.AgentEvent;
import io.aether.domain.agent.AgentFold;
import io.aether.domain.agent.AgentNotFoundException;
import io.aether.domain.agent.AgentState;
import io.aether.domain.agent.AgentView;
import io.aether.domain.agent.query.AgentHistory;
import io.aether.domain.agent.query.AgentHistoryEntry;
import io.aether.domain.agent.query.GetAgentHistory;
import io.aether.domain.messaging.MessageMetadata;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers from the agent's events in the store: its history, paged by position (only the page's
 * events are read), and the agent at an instant by the same fold the aggregate uses (read from
 * the first event, skipping snapshots, up to the instant).
 */
@Component
public class AgentHistoryQueries {
    private final EventStore eventStore;
    private final ObjectMapper mapper;

    public AgentHistoryQueries(EventStore eventStore, ObjectMapper mapper) {
        this.eventStore = eventStore;
        this.mapper = mapper;
    }

    /** The agent as it was at {@code at}: 404 when it did not exist yet. */
    AgentView at(String agentName, Instant at) {
        AgentState state = null;
        try (Stream<? extends DomainEventMessage<?>> events =
                eventStore.readEvents(agentName, 0L).asStream()) {
            Iterator<? extends DomainEventMessage<?>> it = events.iterator();
            while (it.hasNext()) {
                DomainEventMessage<?> event = it.next();
                if (event.getTimestamp().isAfter(at)) {
                    break;
                }
                state = AgentFold.apply(state, (AgentEvent) event.getPayload(), event.getTimestamp());
            }
        }
        if (state == null) {
            throw new AgentNotFoundException(agentName);
        }
        return AgentView.of(state);
    }

    @QueryHandler
    public AgentHistory handle(GetAgentHistory query) {
        long total = eventStore
                .lastSequenceNumberFor(query.agentName())
                .map(seq -> seq + 1)
                .orElse(0L);
        if (total == 0) {
            throw new AgentNotFoundException(query.agentName());
        }
        List<AgentHistoryEntry> entries;
        try (Stream<? extends DomainEventMessage<?>> events =
                eventStore.readEvents(query.agentName(), query.offset()).asStream()) {
            entries = events.limit(query.limit()).map(this::entry).toList();
        }
        return new AgentHistory(query.agentName(), entries, total);
    }

    private AgentHistoryEntry entry(DomainEventMessage<?> message) {
        AgentEvent event = (AgentEvent) message.getPayload();
        return new AgentHistoryEntry(
                message.getPayloadType().getSimpleName(),
                (int) message.getSequenceNumber() + 1,
                message.getTimestamp(),
                event.actor(),
                event.label(),
                event.reason(),
                MessageMetadata.text(message.getMetaData().get(MessageMetadata.CORRELATION_ID)),
                MessageMetadata.text(message.getMetaData().get(MessageMetadata.CAUSATION_ID)),
                mapper.valueToTree(event));
    }
}

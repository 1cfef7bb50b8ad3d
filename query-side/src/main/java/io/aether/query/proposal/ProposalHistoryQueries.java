package io.aether.query.proposal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.domain.messaging.MessageMetadata;
import io.aether.domain.proposal.InvalidProposalCommandException;
import io.aether.domain.proposal.ProposalEvent;
import io.aether.domain.proposal.ProposalFold;
import io.aether.domain.proposal.ProposalNotFoundException;
import io.aether.domain.proposal.ProposalState;
import io.aether.domain.proposal.ProposalView;
import io.aether.domain.proposal.query.GetProposal;
import io.aether.domain.proposal.query.GetProposalHistory;
import io.aether.domain.proposal.query.ProposalHistory;
import io.aether.domain.proposal.query.ProposalHistoryEntry;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers single-proposal queries straight from the event store, by the same fold the aggregate
 * uses: the current state (read-your-writes), the state at a version or instant, and the history.
 */
@Component
public class ProposalHistoryQueries {
    private final EventStore eventStore;
    private final ObjectMapper mapper;

    public ProposalHistoryQueries(EventStore eventStore, ObjectMapper mapper) {
        this.eventStore = eventStore;
        this.mapper = mapper;
    }

    @QueryHandler
    public ProposalView handle(GetProposal query) {
        List<? extends DomainEventMessage<?>> events = events(query.proposalId());
        if (events.isEmpty()) {
            throw new ProposalNotFoundException(query.proposalId());
        }
        ProposalState state = null;
        for (DomainEventMessage<?> event : events) {
            if (query.version() != null && event.getSequenceNumber() >= query.version()) {
                break;
            }
            if (query.at() != null && event.getTimestamp().isAfter(query.at())) {
                break;
            }
            state = ProposalFold.apply(state, event.getPayload(), event.getTimestamp());
        }
        if (query.version() != null && (query.version() < 1 || query.version() > events.size())) {
            throw new InvalidProposalCommandException("version must be between 1 and " + events.size()
                    + " for this proposal");
        }
        if (state == null) {
            throw new ProposalNotFoundException(query.proposalId());
        }
        boolean historical = query.version() != null || query.at() != null;
        if (state.deleted() && !historical) {
            throw new ProposalNotFoundException(query.proposalId());
        }
        return ProposalView.of(state);
    }

    @QueryHandler
    public ProposalHistory handle(GetProposalHistory query) {
        List<? extends DomainEventMessage<?>> events = events(query.proposalId());
        if (events.isEmpty()) {
            throw new ProposalNotFoundException(query.proposalId());
        }
        List<ProposalHistoryEntry> entries = events.stream().map(this::entry).toList();
        return new ProposalHistory(query.proposalId(), entries);
    }

    private ProposalHistoryEntry entry(DomainEventMessage<?> message) {
        ProposalEvent event = (ProposalEvent) message.getPayload();
        return new ProposalHistoryEntry(message.getPayloadType().getSimpleName(),
                (int) message.getSequenceNumber() + 1, message.getTimestamp(), event.actor(), event.label(),
                event.reason(), MessageMetadata.text(message.getMetaData().get(MessageMetadata.CORRELATION_ID)),
                MessageMetadata.text(message.getMetaData().get(MessageMetadata.CAUSATION_ID)),
                mapper.valueToTree(event));
    }

    /** All events of the proposal; snapshots are skipped so every version can be reached. */
    private List<? extends DomainEventMessage<?>> events(UUID proposalId) {
        return eventStore.readEvents(proposalId.toString(), 0L).asStream().toList();
    }
}

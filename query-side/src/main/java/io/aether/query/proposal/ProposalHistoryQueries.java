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
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers single-proposal queries straight from the event store, by the same fold the aggregate
 * uses: the current state (read-your-writes), the state at a version or instant, and the history.
 * State reads start from the nearest in-memory snapshot ({@link ProposalFoldCache}) and read only
 * the events after it, up to the version or instant asked for.
 */
@Component
public class ProposalHistoryQueries {
    private final EventStore eventStore;
    private final ObjectMapper mapper;
    private final ProposalFoldCache cache = new ProposalFoldCache();

    public ProposalHistoryQueries(EventStore eventStore, ObjectMapper mapper) {
        this.eventStore = eventStore;
        this.mapper = mapper;
    }

    @QueryHandler
    public ProposalView handle(GetProposal query) {
        UUID id = query.proposalId();
        Integer version = query.version();
        Instant at = query.at();
        boolean historical = version != null || at != null;
        if (version != null && version < 1) {
            throw new InvalidProposalCommandException(
                    "version must be between 1 and " + eventCount(id) + " for this proposal");
        }
        ProposalFoldCache.Checkpoint start = cache.best(
                id,
                version == null ? Integer.MAX_VALUE : version,
                c -> at == null || !c.latest().isAfter(at));
        ProposalState state = start == null ? null : start.state();
        Instant latest = start == null ? null : start.latest();
        boolean toEnd = true;
        try (Stream<? extends DomainEventMessage<?>> events = eventStore
                .readEvents(id.toString(), state == null ? 0L : state.version())
                .asStream()) {
            Iterator<? extends DomainEventMessage<?>> it = events.iterator();
            while ((version == null || state == null || state.version() < version) && it.hasNext()) {
                DomainEventMessage<?> event = it.next();
                if (at != null && event.getTimestamp().isAfter(at)) {
                    toEnd = false;
                    break;
                }
                state = ProposalFold.apply(state, event.getPayload(), event.getTimestamp());
                latest = latest == null || event.getTimestamp().isAfter(latest) ? event.getTimestamp() : latest;
                boolean last = !it.hasNext();
                cache.offer(id, new ProposalFoldCache.Checkpoint(state, latest), last);
            }
        }
        if (version != null && (state == null || state.version() < version)) {
            if (state == null && toEnd) {
                throw new ProposalNotFoundException(id);
            }
            throw new InvalidProposalCommandException(
                    "version must be between 1 and " + eventCount(id) + " for this proposal");
        }
        if (state == null) {
            throw new ProposalNotFoundException(id);
        }
        if (state.deleted() && !historical) {
            throw new ProposalNotFoundException(id);
        }
        return ProposalView.of(state);
    }

    private long eventCount(UUID id) {
        return eventStore
                .lastSequenceNumberFor(id.toString())
                .map(seq -> seq + 1)
                .orElse(0L);
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
        return new ProposalHistoryEntry(
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

    /** All events of the proposal; snapshots are skipped so every version can be reached. */
    private List<? extends DomainEventMessage<?>> events(UUID proposalId) {
        return eventStore.readEvents(proposalId.toString(), 0L).asStream().toList();
    }
}

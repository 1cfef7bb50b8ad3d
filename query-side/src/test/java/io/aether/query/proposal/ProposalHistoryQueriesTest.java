package io.aether.query.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.aether.domain.actor.Actor;
import io.aether.domain.proposal.InvalidProposalCommandException;
import io.aether.domain.proposal.ProposalApproved;
import io.aether.domain.proposal.ProposalContent;
import io.aether.domain.proposal.ProposalCreated;
import io.aether.domain.proposal.ProposalDisabled;
import io.aether.domain.proposal.ProposalEnabled;
import io.aether.domain.proposal.ProposalEvent;
import io.aether.domain.proposal.ProposalFold;
import io.aether.domain.proposal.ProposalState;
import io.aether.domain.proposal.ProposalType;
import io.aether.domain.proposal.ProposalView;
import io.aether.domain.proposal.query.GetProposal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reads that start from the in-memory snapshots answer exactly what a fold from the first event gives. */
class ProposalHistoryQueriesTest {
    private static final UUID ID = UUID.fromString("0f0e0d0c-0b0a-0908-0706-050403020100");
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final ProposalHistoryQueries queries = new ProposalHistoryQueries(store, new ObjectMapper());
    private static final Actor OWNER = Actor.user("admin");
    private final List<ProposalEvent> events = new ArrayList<>();

    @AfterEach
    void stop() {
        store.shutDown();
    }

    @Test
    void everyVersionAndInstantOfALongHistoryMatchesAFullFold() {
        append(new ProposalCreated(
                ID,
                new ProposalContent(
                        ProposalType.AUTOMATION,
                        "Porch light",
                        null,
                        JSON.objectNode().put("platform", "sun"),
                        null,
                        JSON.objectNode().put("service", "light.turn_on"),
                        "single",
                        null,
                        null,
                        null,
                        null),
                "automation.porch",
                OWNER));
        append(new ProposalApproved(ID, OWNER, null, null));
        while (events.size() < 250) {
            append(
                    events.size() % 2 == 0
                            ? new ProposalDisabled(ID, OWNER, "off")
                            : new ProposalEnabled(ID, OWNER, "on"));
        }

        assertThat(queries.handle(new GetProposal(ID, null, null))).isEqualTo(fold(250)); // fills the snapshots
        for (int v : new int[] {250, 1, 99, 100, 101, 199, 200, 201, 249, 150, 2}) {
            assertThat(queries.handle(new GetProposal(ID, v, null)))
                    .as("version %d", v)
                    .isEqualTo(fold(v));
            assertThat(queries.handle(new GetProposal(ID, null, at(v - 1))))
                    .as("at event %d", v)
                    .isEqualTo(fold(v));
        }
        assertThatThrownBy(() -> queries.handle(new GetProposal(ID, 251, null)))
                .isInstanceOf(InvalidProposalCommandException.class)
                .hasMessageContaining("between 1 and 250");

        append(new ProposalDisabled(ID, OWNER, "later"));
        assertThat(queries.handle(new GetProposal(ID, null, null)))
                .as("newest after an append")
                .isEqualTo(fold(251));
        assertThat(queries.handle(new GetProposal(ID, 251, null))).isEqualTo(fold(251));
    }

    private void append(ProposalEvent event) {
        long seq = events.size();
        events.add(event);
        store.publish(new GenericDomainEventMessage<>(
                "ProposalAggregate",
                ID.toString(),
                seq,
                event,
                MetaData.emptyInstance(),
                UUID.randomUUID().toString(),
                at(seq)));
    }

    private static Instant at(long seq) {
        return T0.plusSeconds(60 * seq);
    }

    private ProposalView fold(int version) {
        ProposalState state = null;
        for (int i = 0; i < version; i++) {
            state = ProposalFold.apply(state, events.get(i), at(i));
        }
        return ProposalView.of(state);
    }
}

package io.aether.command.agent;

import static io.aether.command.agent.AgentFixtures.ALICE;
import static io.aether.command.agent.AgentFixtures.BOB;
import static io.aether.command.agent.AgentFixtures.CONFIG;
import static io.aether.command.agent.AgentFixtures.PROFILE;
import static io.aether.command.agent.AgentFixtures.PROMPT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.aether.domain.agent.AgentEvent;
import io.aether.domain.agent.AgentFold;
import io.aether.domain.agent.AgentState;
import io.aether.domain.agent.AgentStatus;
import io.aether.domain.agent.AgentView;
import io.aether.domain.agent.BumpType;
import io.aether.domain.agent.ChangeAgentStatus;
import io.aether.domain.agent.CreateConfigDraft;
import io.aether.domain.agent.CreatePromptDraft;
import io.aether.domain.agent.IllegalAgentTransitionException;
import io.aether.domain.agent.PromoteConfig;
import io.aether.domain.agent.PromotePrompt;
import io.aether.domain.agent.PromptContent;
import io.aether.domain.agent.RegisterAgent;
import io.aether.domain.agent.RollBackConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Agent aggregate in a real (in-memory) Axon configuration with its snapshot trigger: a load
 * from a snapshot gives the same state as folding every event, the snapshot survives the JSON round
 * trip the JDBC store puts it through, and making one agent primary demotes the old primary in the
 * same unit of work.
 */
class AgentSnapshotAndPrimaryTest {
    private static final int THRESHOLD = 5;
    private static final ObjectMapper STORED_JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final AgentFixtures.MemorySlot slot = new AgentFixtures.MemorySlot(null);
    private JsonSnapshots storage;
    private Configuration axon;
    private CommandGateway commands;

    @BeforeEach
    void start() {
        storage = new JsonSnapshots();
        axon = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c ->
                        JacksonSerializer.builder().objectMapper(STORED_JSON).build())
                .configureEmbeddedEventStore(c -> storage)
                .configureAggregate(AggregateConfigurer.defaultConfiguration(AgentAggregate.class)
                        .configureSnapshotTrigger(
                                c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), THRESHOLD)))
                .registerCommandHandler(c -> new AgentStatusHandler(c.repository(AgentAggregate.class), slot))
                .buildConfiguration();
        axon.start();
        commands = axon.commandGateway();
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    private void register(String name) {
        commands.sendAndWait(new RegisterAgent(
                name, UUID.randomUUID(), PROFILE, UUID.randomUUID(), CONFIG, UUID.randomUUID(), PROMPT, ALICE));
    }

    @Test
    void aSnapshotLoadGivesTheSameStateAsFoldingEveryEvent() throws Exception {
        register("architect");
        for (int i = 0; i < 12; i++) {
            UUID config = UUID.randomUUID();
            commands.sendAndWait(new CreateConfigDraft(
                    "architect", config, CONFIG.withModel("m" + i), "c" + i, BumpType.PATCH, BOB));
            commands.sendAndWait(new PromoteConfig("architect", config, i % 3 == 0 ? BumpType.MINOR : null, BOB));
            UUID prompt = UUID.randomUUID();
            commands.sendAndWait(
                    new CreatePromptDraft("architect", prompt, new PromptContent("p" + i), null, null, BOB));
            commands.sendAndWait(new PromotePrompt("architect", prompt, null, BOB));
        }
        commands.sendAndWait(new RollBackConfig("architect", null, BOB));
        commands.sendAndWait(new RollBackConfig("architect", 3, BOB));

        assertThat(storage.snapshots).isGreaterThanOrEqualTo(50 / THRESHOLD);
        DomainEventMessage<?> snapshot = storage.readSnapshot("architect").orElseThrow();
        assertThat(snapshot.getSequenceNumber()).isGreaterThan(THRESHOLD);

        AgentState replayed = foldAll("architect");
        AgentState loaded = load("architect");
        assertThat(loaded).isEqualTo(replayed);
        assertThat(loaded.config().active().orElseThrow().number()).isEqualTo(3);
        assertThat(loaded.config().activeLine()).containsExactly(1, 2, 3);
    }

    /**
     * Snapshots kept as the JDBC store keeps them: the aggregate written as JSON by the stored-event
     * mapper and read back on every load (the in-memory engine would hand out the live object).
     */
    static final class JsonSnapshots extends InMemoryEventStorageEngine {
        private final JacksonSerializer serializer =
                JacksonSerializer.builder().objectMapper(STORED_JSON).build();
        private final Map<String, DomainEventMessage<SerializedObject<byte[]>>> latest = new ConcurrentHashMap<>();
        int snapshots;

        @Override
        public synchronized void storeSnapshot(DomainEventMessage<?> snapshot) {
            snapshots++;
            SerializedObject<byte[]> json = serializer.serialize(snapshot.getPayload(), byte[].class);
            latest.put(
                    snapshot.getAggregateIdentifier(),
                    new GenericDomainEventMessage<>(
                            snapshot.getType(),
                            snapshot.getAggregateIdentifier(),
                            snapshot.getSequenceNumber(),
                            json,
                            snapshot.getMetaData()));
        }

        @Override
        public synchronized Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            DomainEventMessage<SerializedObject<byte[]>> stored = latest.get(aggregateIdentifier);
            if (stored == null) {
                return Optional.empty();
            }
            Object aggregate = serializer.deserialize(stored.getPayload());
            return Optional.of(new GenericDomainEventMessage<>(
                    stored.getType(),
                    aggregateIdentifier,
                    stored.getSequenceNumber(),
                    aggregate,
                    stored.getMetaData()));
        }
    }

    @Test
    void makingOneAgentPrimaryDemotesTheOldPrimaryInTheSameUnitOfWork() {
        register("architect");
        register("librarian");
        commands.sendAndWait(new ChangeAgentStatus("architect", AgentStatus.PRIMARY, ALICE));
        AgentView librarian = commands.sendAndWait(new ChangeAgentStatus("librarian", AgentStatus.PRIMARY, BOB));

        assertThat(librarian.status()).isEqualTo(AgentStatus.PRIMARY);
        assertThat(load("architect").status()).isEqualTo(AgentStatus.ENABLED);
        assertThat(slot.holder).isEqualTo("librarian");
        List<? extends DomainEventMessage<?>> architectEvents =
                events().readEvents("architect", 0).asStream().toList();
        assertThat(architectEvents.get(architectEvents.size() - 1).getPayload())
                .hasFieldOrPropertyWithValue("reason", "demoted: 'librarian' became primary")
                .hasFieldOrPropertyWithValue("actor", BOB);
    }

    @Test
    void aRefusedChangeToPrimaryDemotesNobody() {
        register("architect");
        register("librarian");
        commands.sendAndWait(new ChangeAgentStatus("architect", AgentStatus.PRIMARY, ALICE));
        commands.sendAndWait(new ChangeAgentStatus("librarian", AgentStatus.DISABLED, ALICE));
        long before = events().lastSequenceNumberFor("architect").orElseThrow();

        assertThatThrownBy(() -> commands.sendAndWait(new ChangeAgentStatus("librarian", AgentStatus.PRIMARY, BOB)))
                .isInstanceOf(IllegalAgentTransitionException.class);

        assertThat(load("architect").status()).isEqualTo(AgentStatus.PRIMARY);
        assertThat(events().lastSequenceNumberFor("architect").orElseThrow()).isEqualTo(before);
        assertThat(slot.holder).isEqualTo("architect");
    }

    @Test
    void aPrimaryThatWasDisabledMeanwhileIsLeftAlone() {
        register("architect");
        register("librarian");
        commands.sendAndWait(new ChangeAgentStatus("architect", AgentStatus.PRIMARY, ALICE));
        commands.sendAndWait(new ChangeAgentStatus("architect", AgentStatus.DISABLED, ALICE));
        commands.sendAndWait(new ChangeAgentStatus("librarian", AgentStatus.PRIMARY, BOB));

        assertThat(load("architect").status()).isEqualTo(AgentStatus.DISABLED);
        assertThat(load("librarian").status()).isEqualTo(AgentStatus.PRIMARY);
    }

    private EventStore events() {
        return axon.eventStore();
    }

    private AgentState foldAll(String name) {
        AgentState state = null;
        for (DomainEventMessage<?> e : events().readEvents(name, 0).asStream().toList()) {
            state = AgentFold.apply(state, (AgentEvent) e.getPayload(), e.getTimestamp());
        }
        return state;
    }

    /** Loads the aggregate as a command would: from the latest snapshot and the events after it. */
    private AgentState load(String name) {
        Repository<AgentAggregate> repository = axon.repository(AgentAggregate.class);
        AtomicReference<AgentState> state = new AtomicReference<>();
        DefaultUnitOfWork.startAndGet(null).execute(() -> repository.load(name).execute(a -> state.set(a.state())));
        return state.get();
    }
}

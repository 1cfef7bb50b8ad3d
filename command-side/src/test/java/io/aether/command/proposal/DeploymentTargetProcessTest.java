package io.aether.command.proposal;

import static io.aether.command.proposal.ProposalFixtures.ALICE;
import static io.aether.command.proposal.ProposalFixtures.CAROL;
import static io.aether.command.proposal.ProposalFixtures.DEP1;
import static io.aether.command.proposal.ProposalFixtures.HA_ID;
import static io.aether.command.proposal.ProposalFixtures.ID;
import static io.aether.command.proposal.ProposalFixtures.RB1;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.aether.domain.proposal.ProposalApproved;
import io.aether.domain.proposal.ProposalContent;
import io.aether.domain.proposal.ProposalCreated;
import io.aether.domain.proposal.ProposalDeployed;
import io.aether.domain.proposal.ProposalDeploymentRequested;
import io.aether.domain.proposal.ProposalRollbackRequested;
import io.aether.domain.proposal.ProposalType;
import io.aether.domain.proposal.RecordDeploymentFailed;
import io.aether.domain.proposal.RecordDeploymentSucceeded;
import io.aether.domain.proposal.RecordRollbackSucceeded;
import io.aether.domain.proposal.RollbackAction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The process manager uses the proposal type's DeploymentTarget: snapshot, save, method, rollback. */
class DeploymentTargetProcessTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ProposalContent SCRIPT = new ProposalContent(
            ProposalType.SCRIPT,
            "Night",
            null,
            null,
            null,
            JSON.arrayNode().add(JSON.objectNode().put("action", "light.turn_off")),
            "single",
            null,
            null,
            null,
            null);
    private static final JsonNode CONFIG = JSON.objectNode().put("alias", "Night");
    private static final JsonNode BEFORE = JSON.objectNode().put("alias", "by hand");

    private EmbeddedEventStore eventStore;
    private FakeTarget target;
    private ProposalDeploymentProcessTest.RecordingCommandGateway commands;
    private AnnotationEventHandlerAdapter process;
    private long sequence;

    /** A script target that keeps HA's scripts in a map and records what it was asked to do. */
    static final class FakeTarget implements DeploymentTarget {
        final Map<String, JsonNode> scripts = new HashMap<>();
        final List<String> calls = new ArrayList<>();
        String failure;

        @Override
        public ProposalType type() {
            return ProposalType.SCRIPT;
        }

        @Override
        public String method() {
            return "rest_api";
        }

        @Override
        public Optional<JsonNode> current(String haId, JsonNode config) {
            return Optional.ofNullable(scripts.get(haId));
        }

        @Override
        public void save(String haId, JsonNode config) {
            if (failure != null) {
                throw new AutomationGatewayException(failure);
            }
            calls.add("save " + config.path("alias").asText());
            scripts.put(haId, config);
        }

        @Override
        public void remove(String haId, JsonNode deployed) {
            calls.add("remove " + deployed.path("alias").asText());
            scripts.remove(haId);
        }
    }

    @BeforeEach
    void setUp() {
        eventStore = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine())
                .build();
        target = new FakeTarget();
        commands = new ProposalDeploymentProcessTest.RecordingCommandGateway();
        ProposalDeploymentProcessTest.FakeAutomationGateway automations =
                new ProposalDeploymentProcessTest.FakeAutomationGateway();
        process = new AnnotationEventHandlerAdapter(new ProposalDeploymentProcess(
                commands, eventStore, automations, new DeploymentTargets(automations, List.of(target))));
        sequence = 0;
    }

    @AfterEach
    void tearDown() {
        eventStore.shutDown();
    }

    private void stored(Object... events) {
        for (Object event : events) {
            eventStore.publish(new GenericDomainEventMessage<>("ProposalAggregate", ID.toString(), sequence++, event));
        }
    }

    private void handle(Object event) throws Exception {
        process.handle(new GenericDomainEventMessage<>("ProposalAggregate", ID.toString(), 0, event));
    }

    @Test
    void aScriptDeploymentSavesThroughItsTargetAndRecordsTheSnapshot() throws Exception {
        target.scripts.put(HA_ID, BEFORE);
        ProposalDeploymentRequested requested = new ProposalDeploymentRequested(ID, DEP1, HA_ID, CONFIG, false, ALICE);
        stored(
                new ProposalCreated(ID, SCRIPT, HA_ID, ProposalFixtures.ARCHITECT),
                new ProposalApproved(ID, ALICE, null, null),
                requested);
        handle(requested);
        assertThat(target.calls).containsExactly("save Night");
        assertThat(commands.sent).containsExactly(new RecordDeploymentSucceeded(ID, DEP1, BEFORE, "rest_api"));
    }

    @Test
    void aRefusalOfTheTargetIsRecordedAsTheDeploymentsFailure() throws Exception {
        target.failure = "Home Assistant refused: Message malformed";
        ProposalDeploymentRequested requested = new ProposalDeploymentRequested(ID, DEP1, HA_ID, CONFIG, false, ALICE);
        stored(
                new ProposalCreated(ID, SCRIPT, HA_ID, ProposalFixtures.ARCHITECT),
                new ProposalApproved(ID, ALICE, null, null),
                requested);
        handle(requested);
        assertThat(commands.sent)
                .containsExactly(new RecordDeploymentFailed(ID, DEP1, "Home Assistant refused: Message malformed"));
    }

    @Test
    void aRollbackToNothingRemovesWhatTheDeploymentSent() throws Exception {
        ProposalRollbackRequested rollback =
                new ProposalRollbackRequested(ID, RB1, 2, RollbackAction.DELETED, null, HA_ID, CAROL, "no");
        stored(
                new ProposalCreated(ID, SCRIPT, HA_ID, ProposalFixtures.ARCHITECT),
                new ProposalApproved(ID, ALICE, null, null),
                new ProposalDeploymentRequested(ID, DEP1, HA_ID, CONFIG, false, ALICE),
                new ProposalDeployed(ID, DEP1, HA_ID, CONFIG, null, "rest_api", ALICE),
                rollback);
        target.scripts.put(HA_ID, CONFIG);
        handle(rollback);
        assertThat(target.calls).containsExactly("remove Night");
        assertThat(target.scripts).isEmpty();
        assertThat(commands.sent).containsExactly(new RecordRollbackSucceeded(ID, RB1));
    }
}

package io.aether.command.proposal;

import static io.aether.command.proposal.ProposalFixtures.ALICE;
import static io.aether.command.proposal.ProposalFixtures.CAROL;
import static io.aether.command.proposal.ProposalFixtures.DEP1;
import static io.aether.command.proposal.ProposalFixtures.DEP2;
import static io.aether.command.proposal.ProposalFixtures.HA_ID;
import static io.aether.command.proposal.ProposalFixtures.ID;
import static io.aether.command.proposal.ProposalFixtures.RB1;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.aether.domain.proposal.AutomationConfig;
import io.aether.domain.proposal.ProposalApproved;
import io.aether.domain.proposal.ProposalContent;
import io.aether.domain.proposal.ProposalCreated;
import io.aether.domain.proposal.ProposalDeployed;
import io.aether.domain.proposal.ProposalDeploymentFailed;
import io.aether.domain.proposal.ProposalDeploymentRequested;
import io.aether.domain.proposal.ProposalDisabled;
import io.aether.domain.proposal.ProposalEnabled;
import io.aether.domain.proposal.ProposalRollbackRequested;
import io.aether.domain.proposal.ProposalRolledBack;
import io.aether.domain.proposal.ProposalType;
import io.aether.domain.proposal.RecordAutomationSwitchFailed;
import io.aether.domain.proposal.RecordDeploymentFailed;
import io.aether.domain.proposal.RecordDeploymentSucceeded;
import io.aether.domain.proposal.RecordRollbackFailed;
import io.aether.domain.proposal.RecordRollbackSucceeded;
import io.aether.domain.proposal.RollbackAction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The process manager against an in-memory event store (unit test only; integration tests use
 * PostgreSQL), a fake Home Assistant and a command gateway that records what it is sent.
 * Events are handed to it through Axon's annotation adapter, as a processor would.
 */
class ProposalDeploymentProcessTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ProposalContent CONTENT = new ProposalContent(
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
            null);
    private static final JsonNode CONFIG_A = AutomationConfig.build(CONTENT, HA_ID);
    private static final JsonNode CONFIG_B = JSON.objectNode().put("id", HA_ID).put("alias", "B");
    private static final JsonNode USER_CONFIG =
            JSON.objectNode().put("id", HA_ID).put("alias", "by hand");

    private EmbeddedEventStore eventStore;
    private FakeAutomationGateway ha;
    private RecordingCommandGateway commands;
    private AnnotationEventHandlerAdapter process;
    private long sequence;

    @BeforeEach
    void setUp() {
        eventStore = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine())
                .build();
        ha = new FakeAutomationGateway();
        commands = new RecordingCommandGateway();
        process = new AnnotationEventHandlerAdapter(new ProposalDeploymentProcess(commands, eventStore, ha));
        sequence = 0;
    }

    @AfterEach
    void tearDown() {
        eventStore.shutDown();
    }

    /** Appends the events to the proposal's stream, in order. */
    private void stored(Object... events) {
        for (Object event : events) {
            eventStore.publish(new GenericDomainEventMessage<>("ProposalAggregate", ID.toString(), sequence++, event));
        }
    }

    /** Hands one event to the process manager the way an event processor does. */
    private void handle(Object event) throws Exception {
        process.handle(new GenericDomainEventMessage<>("ProposalAggregate", ID.toString(), 0, event));
    }

    private static ProposalDeploymentRequested deploymentRequested(UUID deploymentId, JsonNode config) {
        return new ProposalDeploymentRequested(ID, deploymentId, HA_ID, config, false, ALICE);
    }

    private void storedApprovedProposal() {
        stored(
                new ProposalCreated(ID, CONTENT, HA_ID, ProposalFixtures.ARCHITECT),
                new ProposalApproved(ID, ALICE, null, null));
    }

    /** Created, approved, deployed A once (nothing in HA before); HA holds A. */
    private void storedDeployedProposal() {
        storedApprovedProposal();
        ProposalDeploymentRequested requested = deploymentRequested(DEP1, CONFIG_A);
        stored(requested, new ProposalDeployed(ID, DEP1, HA_ID, CONFIG_A, null, "rest_api", ALICE));
        ha.automations.put(HA_ID, CONFIG_A);
    }

    // ---- deployment ----

    @Test
    void deploymentSavesTheConfigAndRecordsSuccessWithThePreviousConfig() throws Exception {
        storedApprovedProposal();
        ha.automations.put(HA_ID, USER_CONFIG);
        ProposalDeploymentRequested requested = deploymentRequested(DEP1, CONFIG_A);
        stored(requested);

        handle(requested);

        assertThat(ha.calls).containsExactly("currentConfig " + HA_ID, "save " + HA_ID);
        assertThat(ha.automations).containsEntry(HA_ID, CONFIG_A);
        assertThat(commands.sent).containsExactly(new RecordDeploymentSucceeded(ID, DEP1, USER_CONFIG, "rest_api"));
    }

    @Test
    void firstDeploymentOverNothingRecordsNoPreviousConfig() throws Exception {
        storedApprovedProposal();
        ProposalDeploymentRequested requested = deploymentRequested(DEP1, CONFIG_A);
        stored(requested);

        handle(requested);

        assertThat(commands.sent).containsExactly(new RecordDeploymentSucceeded(ID, DEP1, null, "rest_api"));
    }

    @Test
    void deploymentFailureRecordsTheHaMessage() throws Exception {
        storedApprovedProposal();
        ha.failOn("save", "Message malformed: extra keys not allowed @ data['bogus']");
        ProposalDeploymentRequested requested = deploymentRequested(DEP1, CONFIG_A);
        stored(requested);

        handle(requested);

        assertThat(ha.automations).doesNotContainKey(HA_ID);
        assertThat(commands.sent)
                .containsExactly(new RecordDeploymentFailed(
                        ID, DEP1, "Message malformed: extra keys not allowed @ data['bogus']"));
    }

    @Test
    void failureToReadTheCurrentConfigIsADeploymentFailureToo() throws Exception {
        storedApprovedProposal();
        ha.failOn("currentConfig", "502 Bad Gateway");
        ProposalDeploymentRequested requested = deploymentRequested(DEP1, CONFIG_A);
        stored(requested);

        handle(requested);

        assertThat(ha.calls).doesNotContain("save " + HA_ID);
        assertThat(commands.sent).containsExactly(new RecordDeploymentFailed(ID, DEP1, "502 Bad Gateway"));
    }

    @Test
    void alreadyResolvedDeploymentIsSkippedWithoutCallingHa() throws Exception {
        storedApprovedProposal();
        ProposalDeploymentRequested requested = deploymentRequested(DEP1, CONFIG_A);
        stored(requested, new ProposalDeployed(ID, DEP1, HA_ID, CONFIG_A, null, "rest_api", ALICE));

        handle(requested); // replayed after a restart

        assertThat(ha.calls).isEmpty();
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void failedDeploymentReplayedLaterIsSkipped() throws Exception {
        storedApprovedProposal();
        ProposalDeploymentRequested requested = deploymentRequested(DEP1, CONFIG_A);
        stored(requested, new ProposalDeploymentFailed(ID, DEP1, "boom", ALICE));

        handle(requested);

        assertThat(ha.calls).isEmpty();
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void anOlderDeploymentIsSkippedWhileANewerOneIsPending() throws Exception {
        storedApprovedProposal();
        ProposalDeploymentRequested first = deploymentRequested(DEP1, CONFIG_A);
        stored(first, new ProposalDeploymentFailed(ID, DEP1, "boom", ALICE), deploymentRequested(DEP2, CONFIG_A));

        handle(first);

        assertThat(ha.calls).isEmpty();
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void repeatedFirstDeploymentAfterACrashDoesNotRecordItsOwnConfigAsPrevious() throws Exception {
        storedApprovedProposal();
        ha.automations.put(HA_ID, CONFIG_A); // saved before the crash, outcome never recorded
        ProposalDeploymentRequested requested = deploymentRequested(DEP1, CONFIG_A);
        stored(requested);

        handle(requested);

        assertThat(commands.sent).containsExactly(new RecordDeploymentSucceeded(ID, DEP1, null, "rest_api"));
    }

    @Test
    void repeatedRedeploymentAfterACrashRecordsTheConfigOurHistorySaysWasLive() throws Exception {
        storedDeployedProposal();
        ha.automations.put(HA_ID, CONFIG_B); // B saved before the crash, outcome never recorded
        ProposalDeploymentRequested redeploy = deploymentRequested(DEP2, CONFIG_B);
        stored(redeploy);

        handle(redeploy);

        assertThat(commands.sent).containsExactly(new RecordDeploymentSucceeded(ID, DEP2, CONFIG_A, "rest_api"));
    }

    // ---- rollback ----

    private ProposalRollbackRequested rollbackRequested(RollbackAction action, JsonNode config) {
        return new ProposalRollbackRequested(ID, RB1, 3, action, config, HA_ID, CAROL, "broke");
    }

    @Test
    void restoreRollbackSavesTheEarlierConfig() throws Exception {
        storedDeployedProposal();
        ProposalRollbackRequested requested = rollbackRequested(RollbackAction.RESTORED, USER_CONFIG);
        stored(requested);

        handle(requested);

        assertThat(ha.calls).containsExactly("save " + HA_ID);
        assertThat(ha.automations).containsEntry(HA_ID, USER_CONFIG);
        assertThat(commands.sent).containsExactly(new RecordRollbackSucceeded(ID, RB1));
    }

    @Test
    void deleteRollbackRemovesTheAutomation() throws Exception {
        storedDeployedProposal();
        ProposalRollbackRequested requested = rollbackRequested(RollbackAction.DELETED, null);
        stored(requested);

        handle(requested);

        assertThat(ha.calls).containsExactly("delete " + HA_ID);
        assertThat(ha.automations).doesNotContainKey(HA_ID);
        assertThat(commands.sent).containsExactly(new RecordRollbackSucceeded(ID, RB1));
    }

    @Test
    void disableRollbackTurnsTheAutomationOff() throws Exception {
        storedDeployedProposal();
        ProposalRollbackRequested requested = rollbackRequested(RollbackAction.DISABLED, null);
        stored(requested);

        handle(requested);

        assertThat(ha.calls).containsExactly("turnOff " + HA_ID);
        assertThat(ha.off).contains(HA_ID);
        assertThat(ha.automations).containsEntry(HA_ID, CONFIG_A);
        assertThat(commands.sent).containsExactly(new RecordRollbackSucceeded(ID, RB1));
    }

    @Test
    void rollbackFailureRecordsTheHaMessage() throws Exception {
        storedDeployedProposal();
        ha.failOn("delete", "401 Unauthorized");
        ProposalRollbackRequested requested = rollbackRequested(RollbackAction.DELETED, null);
        stored(requested);

        handle(requested);

        assertThat(ha.automations).containsEntry(HA_ID, CONFIG_A);
        assertThat(commands.sent).containsExactly(new RecordRollbackFailed(ID, RB1, "401 Unauthorized"));
    }

    @Test
    void alreadyResolvedRollbackIsSkippedWithoutCallingHa() throws Exception {
        storedDeployedProposal();
        ProposalRollbackRequested requested = rollbackRequested(RollbackAction.DELETED, null);
        stored(requested, new ProposalRolledBack(ID, RB1, 3, RollbackAction.DELETED, null, HA_ID, CAROL, "broke"));

        handle(requested);

        assertThat(ha.calls).isEmpty();
        assertThat(commands.sent).isEmpty();
    }

    // ---- disable / enable ----

    @Test
    void disabledTurnsTheAutomationOff() throws Exception {
        storedDeployedProposal();
        ProposalDisabled disabled = new ProposalDisabled(ID, ALICE, "noisy");
        stored(disabled);

        handle(disabled);

        assertThat(ha.calls).containsExactly("turnOff " + HA_ID);
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void enabledTurnsTheAutomationOn() throws Exception {
        storedDeployedProposal();
        ProposalEnabled enabled = new ProposalEnabled(ID, ALICE, null);
        stored(new ProposalDisabled(ID, ALICE, "noisy"), enabled);

        handle(enabled);

        assertThat(ha.calls).containsExactly("turnOn " + HA_ID);
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void disabledIsSkippedWhenTheProposalWasEnabledSince() throws Exception {
        storedDeployedProposal();
        ProposalDisabled disabled = new ProposalDisabled(ID, ALICE, "noisy");
        stored(disabled, new ProposalEnabled(ID, ALICE, null));

        handle(disabled); // replayed: turning it off now would contradict the latest state

        assertThat(ha.calls).isEmpty();
    }

    @Test
    void enabledIsSkippedWhenTheProposalWasDisabledSince() throws Exception {
        storedDeployedProposal();
        ProposalEnabled enabled = new ProposalEnabled(ID, ALICE, null);
        stored(new ProposalDisabled(ID, ALICE, "x"), enabled, new ProposalDisabled(ID, ALICE, "again"));

        handle(enabled);

        assertThat(ha.calls).isEmpty();
    }

    @Test
    void failureToTurnOffIsRecorded() throws Exception {
        storedDeployedProposal();
        ha.failOn("turnOff", "HA unreachable");
        ProposalDisabled disabled = new ProposalDisabled(ID, ALICE, "noisy");
        stored(disabled);

        handle(disabled);

        assertThat(ha.calls).containsExactly("turnOff " + HA_ID);
        assertThat(commands.sent).containsExactly(new RecordAutomationSwitchFailed(ID, "turn_off", "HA unreachable"));
    }

    // ---- test doubles ----

    /** Home Assistant's automation config, in memory; records every call and can be told to fail one. */
    static final class FakeAutomationGateway implements AutomationGateway {
        final Map<String, JsonNode> automations = new HashMap<>();
        final Set<String> off = new HashSet<>();
        final List<String> calls = new ArrayList<>();
        private final Map<String, String> failures = new HashMap<>();

        void failOn(String operation, String haMessage) {
            failures.put(operation, haMessage);
        }

        private void call(String operation, String haId) {
            calls.add(operation + " " + haId);
            String failure = failures.get(operation);
            if (failure != null) {
                throw new AutomationGatewayException(failure);
            }
        }

        @Override
        public Optional<JsonNode> currentConfig(String haAutomationId) {
            call("currentConfig", haAutomationId);
            return Optional.ofNullable(automations.get(haAutomationId));
        }

        @Override
        public void save(String haAutomationId, JsonNode config) {
            call("save", haAutomationId);
            automations.put(haAutomationId, config);
        }

        @Override
        public void delete(String haAutomationId) {
            call("delete", haAutomationId);
            automations.remove(haAutomationId);
        }

        @Override
        public void turnOff(String haAutomationId) {
            call("turnOff", haAutomationId);
            off.add(haAutomationId);
        }

        @Override
        public void turnOn(String haAutomationId) {
            call("turnOn", haAutomationId);
            off.remove(haAutomationId);
        }

        @Override
        public Optional<Boolean> isOn(String haAutomationId) {
            call("isOn", haAutomationId);
            return automations.containsKey(haAutomationId)
                    ? Optional.of(!off.contains(haAutomationId))
                    : Optional.empty();
        }
    }

    /** Records the commands sent with sendAndWait; nothing else is expected of it. */
    static final class RecordingCommandGateway implements CommandGateway {
        final List<Object> sent = new ArrayList<>();

        @Override
        public <R> R sendAndWait(Object command) {
            sent.add(command);
            return null;
        }

        @Override
        public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
            return sendAndWait(command);
        }

        @Override
        public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
            throw new UnsupportedOperationException("the process manager waits for its commands");
        }

        @Override
        public <R> CompletableFuture<R> send(Object command) {
            throw new UnsupportedOperationException("the process manager waits for its commands");
        }

        @Override
        public Registration registerDispatchInterceptor(
                MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
            return () -> true;
        }
    }
}

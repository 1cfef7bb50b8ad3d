package io.aether.command.proposal;

import static io.aether.command.proposal.ProposalFixtures.ALICE;
import static io.aether.command.proposal.ProposalFixtures.ARCHITECT;
import static io.aether.command.proposal.ProposalFixtures.BOB;
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
import io.aether.domain.proposal.ProposalRollbackFailed;
import io.aether.domain.proposal.ProposalRolledBack;
import io.aether.domain.proposal.ProposalType;
import io.aether.domain.proposal.RecordDeploymentFailed;
import io.aether.domain.proposal.RecordDeploymentSucceeded;
import io.aether.domain.proposal.RecordRollbackSucceeded;
import io.aether.domain.proposal.RequestDeployment;
import io.aether.domain.proposal.RequestRollback;
import io.aether.domain.proposal.RollbackAction;
import io.aether.domain.proposal.RollbackStrategy;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The deadline of a pending deployment or rollback: scheduled with the intent, cancelled with the
 * outcome, and, when it fires with the outcome missing, the outcome Home Assistant shows.
 */
class ProposalOperationDeadlineTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Duration DEADLINE = Duration.ofMinutes(5);
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
    private static final JsonNode CONFIG = AutomationConfig.build(CONTENT, HA_ID);

    private AggregateTestFixture<ProposalAggregate> fixture;
    private ProposalDeploymentProcessTest.FakeAutomationGateway ha;

    @BeforeEach
    void setUp() {
        ha = new ProposalDeploymentProcessTest.FakeAutomationGateway();
        fixture = new AggregateTestFixture<>(ProposalAggregate.class);
        fixture.registerInjectableResource(new OverdueOperations(ha, DEADLINE));
    }

    private static List<Object> approved() {
        return List.of(new ProposalCreated(ID, CONTENT, HA_ID, ARCHITECT), new ProposalApproved(ID, ALICE, null, null));
    }

    /** Approved, deployed once by alice (nothing in HA before); the default rollback deletes it. */
    private List<Object> deployed() {
        ha.automations.put(HA_ID, CONFIG);
        return List.of(
                new ProposalCreated(ID, CONTENT, HA_ID, ARCHITECT),
                new ProposalApproved(ID, ALICE, null, null),
                new ProposalDeploymentRequested(ID, DEP1, HA_ID, CONFIG, false, ALICE),
                new ProposalDeployed(ID, DEP1, HA_ID, CONFIG, null, "rest_api", ALICE));
    }

    private static RequestDeployment deploy(UUID deploymentId) {
        return new RequestDeployment(ID, deploymentId, false, BOB, null);
    }

    private static RequestRollback rollback(RollbackStrategy strategy) {
        return new RequestRollback(ID, RB1, null, strategy, CAROL, "broke", null);
    }

    // ---- scheduled with the intent, cancelled with the outcome ----

    @Test
    void requestingADeploymentSchedulesItsDeadline() {
        fixture.given(approved())
                .when(deploy(DEP2))
                .expectSuccessfulHandlerExecution()
                .expectScheduledDeadline(DEADLINE, new OverdueOperations.Deadline(DEP2));
    }

    @Test
    void requestingARollbackSchedulesItsDeadline() {
        fixture.given(deployed())
                .when(rollback(RollbackStrategy.RESTORE))
                .expectSuccessfulHandlerExecution()
                .expectScheduledDeadlineWithName(DEADLINE, OverdueOperations.DEADLINE);
    }

    @Test
    void recordingTheDeploymentOutcomeCancelsTheDeadline() {
        fixture.given(approved())
                .andGivenCommands(deploy(DEP2))
                .when(new RecordDeploymentSucceeded(ID, DEP2, null, "rest_api"))
                .expectSuccessfulHandlerExecution()
                .expectNoScheduledDeadlines();
    }

    @Test
    void recordingAFailureCancelsTheDeadline() {
        fixture.given(approved())
                .andGivenCommands(deploy(DEP2))
                .when(new RecordDeploymentFailed(ID, DEP2, "HA said no"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void recordingTheRollbackOutcomeCancelsTheDeadline() {
        fixture.given(deployed())
                .andGivenCommands(rollback(RollbackStrategy.RESTORE))
                .when(new RecordRollbackSucceeded(ID, RB1))
                .expectNoScheduledDeadlines();
    }

    // ---- fired with the outcome missing: what HA shows is recorded ----

    @Test
    void anOverdueDeploymentThatHomeAssistantHoldsIsRecordedAsDeployed() {
        ha.automations.put(HA_ID, CONFIG); // the process saved it, then died before recording
        fixture.given(approved())
                .andGivenCommands(deploy(DEP2))
                .whenTimeElapses(DEADLINE)
                .expectDeadlinesMet(new OverdueOperations.Deadline(DEP2))
                .expectEvents(new ProposalDeployed(ID, DEP2, HA_ID, CONFIG, null, "rest_api", BOB));
    }

    @Test
    void anOverdueDeploymentThatHomeAssistantLacksIsRecordedAsFailedWithTheReason() {
        fixture.given(approved())
                .andGivenCommands(deploy(DEP2))
                .whenTimeElapses(DEADLINE)
                .expectEvents(new ProposalDeploymentFailed(
                        ID,
                        DEP2,
                        "no outcome was recorded within 5m; Home Assistant does not hold the configuration",
                        BOB));
    }

    @Test
    void anOverdueDeploymentFailsWhenHomeAssistantCannotBeChecked() {
        ha.failOn("currentConfig", "Home Assistant is unreachable: connection refused");
        fixture.given(approved())
                .andGivenCommands(deploy(DEP2))
                .whenTimeElapses(DEADLINE)
                .expectEvents(new ProposalDeploymentFailed(
                        ID,
                        DEP2,
                        "no outcome was recorded within 5m and Home "
                                + "Assistant could not be checked: Home Assistant is unreachable: connection refused",
                        BOB));
    }

    @Test
    void aDeadlineDoesNothingBeforeItIsDue() {
        fixture.given(approved())
                .andGivenCommands(deploy(DEP2))
                .whenTimeElapses(DEADLINE.minusSeconds(1))
                .expectNoEvents()
                .expectScheduledDeadline(Duration.ofSeconds(1), new OverdueOperations.Deadline(DEP2));
    }

    @Test
    void anOverdueRollbackThatHomeAssistantShowsDoneIsRecordedAsRolledBack() {
        List<Object> history = deployed();
        ha.automations.remove(HA_ID); // the process deleted it, then died before recording
        fixture.given(history)
                .andGivenCommands(rollback(RollbackStrategy.RESTORE))
                .whenTimeElapses(DEADLINE)
                .expectEvents(new ProposalRolledBack(ID, RB1, 3, RollbackAction.DELETED, null, HA_ID, CAROL, "broke"));
    }

    @Test
    void anOverdueRollbackThatHomeAssistantDoesNotShowIsRecordedAsFailed() {
        fixture.given(deployed())
                .andGivenCommands(rollback(RollbackStrategy.RESTORE))
                .whenTimeElapses(DEADLINE)
                .expectEvents(new ProposalRollbackFailed(
                        ID,
                        RB1,
                        "no outcome was recorded within 5m; Home Assistant still holds the automation",
                        CAROL));
    }

    @Test
    void anOverdueDisableRollbackChecksThatTheAutomationIsOff() {
        List<Object> history = deployed();
        ha.off.add(HA_ID);
        fixture.given(history)
                .andGivenCommands(rollback(RollbackStrategy.DISABLE))
                .whenTimeElapses(DEADLINE)
                .expectEvents(new ProposalRolledBack(ID, RB1, 3, RollbackAction.DISABLED, null, HA_ID, CAROL, "broke"));
    }

    @Test
    void anOverdueDisableRollbackWhoseAutomationIsStillOnFails() {
        fixture.given(deployed())
                .andGivenCommands(rollback(RollbackStrategy.DISABLE))
                .whenTimeElapses(DEADLINE)
                .expectEvents(new ProposalRollbackFailed(
                        ID,
                        RB1,
                        "no outcome was recorded within 5m; the automation is not off in Home Assistant",
                        CAROL));
    }

    @Test
    void theDeadlineOfAResolvedOperationDoesNotTouchALaterOne() {
        // DEP1's deadline was cancelled with its outcome; DEP2's own deadline is the one that fires.
        ha.automations.put(HA_ID, CONFIG);
        fixture.given(approved())
                .andGivenCommands(deploy(DEP1), new RecordDeploymentFailed(ID, DEP1, "HA said no"), deploy(DEP2))
                .whenTimeElapses(DEADLINE)
                .expectDeadlinesMet(new OverdueOperations.Deadline(DEP2))
                .expectEvents(new ProposalDeployed(ID, DEP2, HA_ID, CONFIG, null, "rest_api", BOB));
    }

    @Test
    void theDeadlineIsWrittenAsPeopleSetIt() {
        assertThat(List.of(
                        OverdueOperations.describe(Duration.ofMinutes(5)),
                                OverdueOperations.describe(Duration.ofSeconds(90)),
                        OverdueOperations.describe(Duration.ofMillis(1500)),
                                OverdueOperations.describe(Duration.ofHours(2))))
                .containsExactly("5m", "90s", "1500ms", "2h");
    }
}

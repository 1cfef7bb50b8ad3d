package io.aether.command.proposal;

import static io.aether.command.proposal.ProposalFixtures.ALICE;
import static io.aether.command.proposal.ProposalFixtures.BOB;
import static io.aether.command.proposal.ProposalFixtures.CAROL;
import static io.aether.command.proposal.ProposalFixtures.DEP1;
import static io.aether.command.proposal.ProposalFixtures.DEP2;
import static io.aether.command.proposal.ProposalFixtures.HA_ID;
import static io.aether.command.proposal.ProposalFixtures.ID;
import static io.aether.command.proposal.ProposalFixtures.RB1;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.aether.domain.actor.Actor;
import io.aether.domain.proposal.ApproveProposal;
import io.aether.domain.proposal.ArchiveProposal;
import io.aether.domain.proposal.AutomationConfig;
import io.aether.domain.proposal.CreateProposal;
import io.aether.domain.proposal.DeleteProposal;
import io.aether.domain.proposal.DeploymentConfig;
import io.aether.domain.proposal.DeprecateProposal;
import io.aether.domain.proposal.DisableProposal;
import io.aether.domain.proposal.EnableProposal;
import io.aether.domain.proposal.IllegalProposalTransitionException;
import io.aether.domain.proposal.InvalidProposalCommandException;
import io.aether.domain.proposal.ProposalApproved;
import io.aether.domain.proposal.ProposalArchived;
import io.aether.domain.proposal.ProposalAutomationSwitchFailed;
import io.aether.domain.proposal.ProposalContent;
import io.aether.domain.proposal.ProposalCreated;
import io.aether.domain.proposal.ProposalDeleted;
import io.aether.domain.proposal.ProposalDeployed;
import io.aether.domain.proposal.ProposalDeploymentFailed;
import io.aether.domain.proposal.ProposalDeploymentRequested;
import io.aether.domain.proposal.ProposalDeprecated;
import io.aether.domain.proposal.ProposalDisabled;
import io.aether.domain.proposal.ProposalEnabled;
import io.aether.domain.proposal.ProposalHaStateChanged;
import io.aether.domain.proposal.ProposalNotFoundException;
import io.aether.domain.proposal.ProposalRejected;
import io.aether.domain.proposal.ProposalRevised;
import io.aether.domain.proposal.ProposalRollbackFailed;
import io.aether.domain.proposal.ProposalRollbackRequested;
import io.aether.domain.proposal.ProposalRolledBack;
import io.aether.domain.proposal.ProposalStatus;
import io.aether.domain.proposal.ProposalType;
import io.aether.domain.proposal.RecordAutomationSwitchFailed;
import io.aether.domain.proposal.RecordDeploymentFailed;
import io.aether.domain.proposal.RecordDeploymentSucceeded;
import io.aether.domain.proposal.RecordHaStateChange;
import io.aether.domain.proposal.RecordRollbackFailed;
import io.aether.domain.proposal.RecordRollbackSucceeded;
import io.aether.domain.proposal.RejectProposal;
import io.aether.domain.proposal.RequestDeployment;
import io.aether.domain.proposal.RequestRollback;
import io.aether.domain.proposal.ReviseProposal;
import io.aether.domain.proposal.RollbackAction;
import io.aether.domain.proposal.RollbackStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ProposalAggregateTest {

    private static final Actor DAVE = Actor.user("dave");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ProposalContent CONTENT = content(ProposalType.AUTOMATION);
    private static final JsonNode CONFIG = AutomationConfig.build(CONTENT, HA_ID);
    private static final JsonNode CONFIG_A = JSON.objectNode().put("id", HA_ID).put("alias", "A");
    private static final JsonNode CONFIG_B = JSON.objectNode().put("id", HA_ID).put("alias", "B");
    private static final JsonNode USER_CONFIG =
            JSON.objectNode().put("id", HA_ID).put("alias", "by hand");

    private static final UUID DEP_NEW = UUID.fromString("00000000-0000-0000-0000-0000000000d9");
    private static final UUID RB_NEW = UUID.fromString("00000000-0000-0000-0000-0000000000b9");
    private static final UUID WRONG = UUID.fromString("00000000-0000-0000-0000-00000000dead");

    private AggregateTestFixture<ProposalAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ProposalAggregate.class);
        fixture.registerInjectableResource(new OverdueOperations(
                new ProposalDeploymentProcessTest.FakeAutomationGateway(), Duration.ofMinutes(5)));
    }

    private static ProposalContent content(ProposalType type) {
        return new ProposalContent(
                type,
                "Porch light",
                "At sunset",
                JSON.objectNode().put("platform", "sun").put("event", "sunset"),
                null,
                JSON.arrayNode().add(JSON.objectNode().put("service", "light.turn_on")),
                "single",
                null,
                null,
                "conv-1",
                null);
    }

    // ---- histories: the events that lead to each reachable status ----

    private static ProposalCreated created() {
        return new ProposalCreated(ID, CONTENT, HA_ID, ProposalFixtures.ARCHITECT);
    }

    /** v1..v4: created, approved, deployment requested, deployed (nothing in HA before). */
    private static List<Object> deployedOnce(JsonNode previous) {
        return new ArrayList<>(List.of(
                created(),
                new ProposalApproved(ID, ALICE, null, "ok"),
                new ProposalDeploymentRequested(ID, DEP1, HA_ID, CONFIG_A, false, ALICE),
                new ProposalDeployed(ID, DEP1, HA_ID, CONFIG_A, previous, "rest_api", ALICE)));
    }

    /** deployedOnce(null) then v5 redeploy requested, v6 deployed B (HA held A before). */
    private static List<Object> deployedTwice() {
        List<Object> events = deployedOnce(null);
        events.add(new ProposalDeploymentRequested(ID, DEP2, HA_ID, CONFIG_B, true, BOB));
        events.add(new ProposalDeployed(ID, DEP2, HA_ID, CONFIG_B, CONFIG_A, "rest_api", BOB));
        return events;
    }

    private static List<Object> with(List<Object> events, Object... more) {
        List<Object> all = new ArrayList<>(events);
        all.addAll(List.of(more));
        return all;
    }

    /** Every status a proposal can reach (DRAFT has no event leading to it). */
    static List<Object> history(ProposalStatus status) {
        return switch (status) {
            case PROPOSED -> List.of(created());
            case APPROVED -> List.of(created(), new ProposalApproved(ID, ALICE, null, "ok"));
            case REJECTED -> List.of(created(), new ProposalRejected(ID, ALICE, null, "no"));
            case DEPLOYED -> deployedOnce(null);
            case DISABLED -> with(deployedOnce(null), new ProposalDisabled(ID, ALICE, "noisy"));
            case DEPRECATED -> with(deployedOnce(null), new ProposalDeprecated(ID, ALICE, "old"));
            // deployed twice, rolled back to v5 (A restored): the default target is now v3
            case ROLLED_BACK ->
                with(
                        deployedTwice(),
                        new ProposalRollbackRequested(ID, RB1, 5, RollbackAction.RESTORED, CONFIG_A, HA_ID, CAROL, "x"),
                        new ProposalRolledBack(ID, RB1, 5, RollbackAction.RESTORED, CONFIG_A, HA_ID, CAROL, "x"));
            case ARCHIVED ->
                List.of(
                        created(),
                        new ProposalRejected(ID, ALICE, null, "no"),
                        new ProposalArchived(ID, ALICE, "cleanup"));
            case DRAFT -> throw new IllegalArgumentException("no event leads to draft");
        };
    }

    static Set<ProposalStatus> reachable() {
        return EnumSet.complementOf(EnumSet.of(ProposalStatus.DRAFT));
    }

    // ---- the transition matrix: every command x every reachable status ----

    enum Cmd {
        APPROVE(
                () -> new ApproveProposal(ID, DAVE, "Dave at the desk", "fine", null),
                () -> new ProposalApproved(ID, DAVE, "Dave at the desk", "fine"),
                ProposalStatus.PROPOSED),
        // rejecting an approved proposal needs the expected version (below)
        REJECT(
                () -> new RejectProposal(ID, DAVE, null, "nope", null),
                () -> new ProposalRejected(ID, DAVE, null, "nope"),
                ProposalStatus.PROPOSED),
        DEPLOY(
                () -> new RequestDeployment(ID, DEP_NEW, false, DAVE, null),
                () -> new ProposalDeploymentRequested(ID, DEP_NEW, HA_ID, CONFIG, false, DAVE),
                ProposalStatus.APPROVED),
        DISABLE(
                () -> new DisableProposal(ID, DAVE, "noisy", null),
                () -> new ProposalDisabled(ID, DAVE, "noisy"),
                ProposalStatus.DEPLOYED),
        ENABLE(
                () -> new EnableProposal(ID, DAVE, "quiet", null),
                () -> new ProposalEnabled(ID, DAVE, "quiet"),
                ProposalStatus.DISABLED),
        DEPRECATE(
                () -> new DeprecateProposal(ID, DAVE, "old", null),
                () -> new ProposalDeprecated(ID, DAVE, "old"),
                ProposalStatus.DEPLOYED,
                ProposalStatus.DISABLED),
        ARCHIVE(
                () -> new ArchiveProposal(ID, DAVE, "cleanup", null),
                () -> new ProposalArchived(ID, DAVE, "cleanup"),
                ProposalStatus.REJECTED,
                ProposalStatus.DISABLED,
                ProposalStatus.DEPRECATED,
                ProposalStatus.ROLLED_BACK),
        DELETE(
                () -> new DeleteProposal(ID, DAVE, "gone", null),
                () -> new ProposalDeleted(ID, DAVE, "gone"),
                // rolled_back and deprecated histories here still have a config of ours in HA
                ProposalStatus.PROPOSED,
                ProposalStatus.APPROVED,
                ProposalStatus.REJECTED,
                ProposalStatus.ARCHIVED),
        // every rollback-able history has nothing in HA at the default target v3
        ROLLBACK(
                () -> new RequestRollback(ID, RB_NEW, null, RollbackStrategy.RESTORE, DAVE, "broke", null),
                () -> new ProposalRollbackRequested(ID, RB_NEW, 3, RollbackAction.DELETED, null, HA_ID, DAVE, "broke"),
                ProposalStatus.DEPLOYED,
                ProposalStatus.DISABLED,
                ProposalStatus.ROLLED_BACK);

        final Supplier<Object> command;
        final Supplier<Object> event;
        final Set<ProposalStatus> legalFrom;

        Cmd(Supplier<Object> command, Supplier<Object> event, ProposalStatus... legalFrom) {
            this.command = command;
            this.event = event;
            this.legalFrom = EnumSet.of(legalFrom[0], legalFrom);
        }
    }

    static Stream<Arguments> matrix() {
        return Stream.of(Cmd.values()).flatMap(cmd -> reachable().stream().map(status -> Arguments.of(cmd, status)));
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("matrix")
    void transitionMatrix(Cmd cmd, ProposalStatus status) {
        var result = fixture.given(history(status)).when(cmd.command.get());
        if (cmd.legalFrom.contains(status)) {
            result.expectSuccessfulHandlerExecution().expectEvents(cmd.event.get());
        } else {
            result.expectException(IllegalProposalTransitionException.class)
                    .expectExceptionMessage(containsString("'" + status.wire() + "'"))
                    .expectNoEvents();
        }
    }

    @Test
    void illegalMessagesNameTheStatusAndTheAction() {
        fixture.given(history(ProposalStatus.APPROVED))
                .when(new ApproveProposal(ID, DAVE, null, null, null))
                .expectException(IllegalProposalTransitionException.class)
                .expectExceptionMessage("Cannot approve a proposal in status 'approved'; "
                        + "only 'proposed' proposals can be approved")
                .expectNoEvents();
        fixture.given(history(ProposalStatus.PROPOSED))
                .when(new ArchiveProposal(ID, DAVE, null, null))
                .expectExceptionMessage("Cannot archive a proposal in status 'proposed'; only 'rejected', "
                        + "'disabled', 'deprecated' or 'rolled_back' proposals can be archived");
        fixture.given(history(ProposalStatus.DEPLOYED))
                .when(new DeleteProposal(ID, DAVE, null, null))
                .expectExceptionMessage(allOf(containsString("'deployed'"), containsString("roll it back")));
    }

    // ---- create ----

    @Test
    void createProposesWithTheDeterministicHaId() {
        fixture.givenNoPriorActivity()
                .when(new CreateProposal(ID, CONTENT, ProposalFixtures.ARCHITECT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ProposalCreated(
                        ID, CONTENT, "aether_0f0e0d0c0b0a09080706050403020100", ProposalFixtures.ARCHITECT));
    }

    @Test
    void createWithoutContentIsInvalid() {
        fixture.givenNoPriorActivity()
                .when(new CreateProposal(ID, null, ProposalFixtures.ARCHITECT))
                .expectException(InvalidProposalCommandException.class)
                .expectNoEvents();
    }

    @Test
    void aCommandWithoutItsPrincipalIsRefusedAndAppendsNothing() {
        fixture.given(created())
                .when(new ApproveProposal(ID, null, "Dave at the desk", "fine", null))
                .expectException(InvalidProposalCommandException.class)
                .expectNoEvents();
    }

    // ---- deleted and pending ----

    static Stream<Object> everyCommandOnTheProposal() {
        return Stream.concat(
                Stream.of(Cmd.values()).map(c -> c.command.get()),
                Stream.of(
                        new RequestDeployment(ID, DEP_NEW, true, DAVE, null),
                        new RecordDeploymentSucceeded(ID, DEP1, null, "rest_api"),
                        new RecordDeploymentFailed(ID, DEP1, "boom"),
                        new RecordRollbackSucceeded(ID, RB1),
                        new RecordRollbackFailed(ID, RB1, "boom")));
    }

    @ParameterizedTest
    @MethodSource("everyCommandOnTheProposal")
    void aDeletedProposalIsNotFound(Object command) {
        fixture.given(with(history(ProposalStatus.ARCHIVED), new ProposalDeleted(ID, ALICE, "gone")))
                .when(command)
                .expectException(ProposalNotFoundException.class)
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(Cmd.class)
    void aPendingDeploymentBlocksEveryOtherCommand(Cmd cmd) {
        fixture.given(with(
                        history(ProposalStatus.APPROVED),
                        new ProposalDeploymentRequested(ID, DEP1, HA_ID, CONFIG, false, ALICE)))
                .when(cmd.command.get())
                .expectException(IllegalProposalTransitionException.class)
                .expectExceptionMessage("a deployment/rollback of this proposal is in progress")
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(Cmd.class)
    void aPendingRollbackBlocksEveryOtherCommand(Cmd cmd) {
        fixture.given(with(
                        deployedOnce(null),
                        new ProposalRollbackRequested(ID, RB1, 3, RollbackAction.DELETED, null, HA_ID, CAROL, "x")))
                .when(cmd.command.get())
                .expectException(IllegalProposalTransitionException.class)
                .expectExceptionMessage("a deployment/rollback of this proposal is in progress")
                .expectNoEvents();
    }

    // ---- deployment ----

    @Test
    void aProposedProposalCanBeRevisedKeepingItsType() {
        ProposalContent edited = content(ProposalType.AUTOMATION);
        fixture.given(created())
                .when(new ReviseProposal(ID, edited, DAVE, null))
                .expectEvents(new ProposalRevised(ID, edited, DAVE));
    }

    @Test
    void anApprovedProposalOrAnotherTypeCannotBeRevised() {
        fixture.given(created(), new ProposalApproved(ID, ALICE, null, null))
                .when(new ReviseProposal(ID, CONTENT, DAVE, null))
                .expectException(IllegalProposalTransitionException.class)
                .expectNoEvents();
        fixture.given(created())
                .when(new ReviseProposal(ID, content(ProposalType.SCRIPT), DAVE, null))
                .expectException(InvalidProposalCommandException.class)
                .expectNoEvents();
    }

    @Test
    void anAutomationTurnedOffInHomeAssistantIsRecordedOnceAndTheEchoOfOnIsIgnored() {
        fixture.given(history(ProposalStatus.DEPLOYED))
                .when(new RecordHaStateChange(ID, "automation.porch", "on"))
                .expectNoEvents();
        fixture.given(history(ProposalStatus.DEPLOYED))
                .when(new RecordHaStateChange(ID, "automation.porch", "off"))
                .expectEvents(
                        new ProposalHaStateChanged(ID, HA_ID, "automation.porch", "off", "on", Actor.haNotification()));
        fixture.given(with(
                        history(ProposalStatus.DEPLOYED),
                        new ProposalHaStateChanged(ID, HA_ID, "automation.porch", "off", "on", Actor.haNotification())))
                .when(new RecordHaStateChange(ID, "automation.porch", "off"))
                .expectNoEvents();
    }

    @Test
    void aStateReportedForAProposalThatIsNotLiveIsIgnored() {
        fixture.given(history(ProposalStatus.APPROVED))
                .when(new RecordHaStateChange(ID, "automation.porch", "off"))
                .expectNoEvents();
    }

    @Test
    void aScriptDeploymentRequestsItsScriptConfig() {
        ProposalContent script = content(ProposalType.SCRIPT);
        fixture.given(
                        new ProposalCreated(ID, script, HA_ID, ProposalFixtures.ARCHITECT),
                        new ProposalApproved(ID, ALICE, null, null))
                .when(new RequestDeployment(ID, DEP_NEW, false, DAVE, null))
                .expectEvents(new ProposalDeploymentRequested(
                        ID, DEP_NEW, HA_ID, DeploymentConfig.build(script, HA_ID), false, DAVE));
    }

    @Test
    void aPayloadItsTypeCannotDeployIsRefusedAndNothingIsAppended() {
        // An entity_command without a service_call has nothing to call.
        fixture.given(
                        new ProposalCreated(
                                ID, content(ProposalType.ENTITY_COMMAND), HA_ID, ProposalFixtures.ARCHITECT),
                        new ProposalApproved(ID, ALICE, null, null))
                .when(new RequestDeployment(ID, DEP_NEW, false, DAVE, null))
                .expectException(InvalidProposalCommandException.class)
                .expectExceptionMessage(containsString("service_call"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = ProposalType.class, names = "AUTOMATION", mode = EnumSource.Mode.EXCLUDE)
    void onlyAutomationsCanBeDisabled(ProposalType type) {
        ProposalContent other = content(type);
        fixture.given(
                        new ProposalCreated(ID, other, HA_ID, ProposalFixtures.ARCHITECT),
                        new ProposalApproved(ID, ALICE, null, null),
                        new ProposalDeploymentRequested(ID, DEP1, HA_ID, CONFIG, false, BOB),
                        new ProposalDeployed(ID, DEP1, HA_ID, CONFIG, null, "rest_api", BOB))
                .when(new DisableProposal(ID, DAVE, "noisy", null))
                .expectException(InvalidProposalCommandException.class)
                .expectExceptionMessage(containsString("this one is a " + type.wire()))
                .expectNoEvents();
    }

    @Test
    void redeployWithForceRequestsTheCurrentConfig() {
        fixture.given(history(ProposalStatus.DEPLOYED))
                .when(new RequestDeployment(ID, DEP_NEW, true, DAVE, null))
                .expectEvents(new ProposalDeploymentRequested(ID, DEP_NEW, HA_ID, CONFIG, true, DAVE));
    }

    @Test
    void redeployWithoutForceIsRefusedAndSaysSo() {
        fixture.given(history(ProposalStatus.DEPLOYED))
                .when(new RequestDeployment(ID, DEP_NEW, false, DAVE, null))
                .expectException(IllegalProposalTransitionException.class)
                .expectExceptionMessage(containsString("force"))
                .expectNoEvents();
    }

    @Test
    void forceDoesNotDeployFromOtherStatuses() {
        fixture.given(history(ProposalStatus.DISABLED))
                .when(new RequestDeployment(ID, DEP_NEW, true, DAVE, null))
                .expectException(IllegalProposalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void deploymentWithoutAnIdIsInvalid() {
        fixture.given(history(ProposalStatus.APPROVED))
                .when(new RequestDeployment(ID, null, false, DAVE, null))
                .expectException(InvalidProposalCommandException.class)
                .expectNoEvents();
    }

    private List<Object> deploymentPending() {
        return with(
                history(ProposalStatus.APPROVED),
                new ProposalDeploymentRequested(ID, DEP1, HA_ID, CONFIG, false, ALICE));
    }

    @Test
    void deploymentSucceededRecordsTheRequestedConfigAndThePreviousOne() {
        fixture.given(deploymentPending())
                .when(new RecordDeploymentSucceeded(ID, DEP1, USER_CONFIG, "rest_api"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ProposalDeployed(ID, DEP1, HA_ID, CONFIG, USER_CONFIG, "rest_api", ALICE));
    }

    @Test
    void deploymentFailedIsRecordedForTheRequester() {
        fixture.given(deploymentPending())
                .when(new RecordDeploymentFailed(ID, DEP1, "Message malformed: extra keys"))
                .expectEvents(new ProposalDeploymentFailed(ID, DEP1, "Message malformed: extra keys", ALICE));
    }

    static Stream<Object> deploymentOutcomesWithTheWrongId() {
        return Stream.of(
                new RecordDeploymentSucceeded(ID, WRONG, null, "rest_api"),
                new RecordDeploymentFailed(ID, WRONG, "boom"));
    }

    @ParameterizedTest
    @MethodSource("deploymentOutcomesWithTheWrongId")
    void deploymentOutcomeWithAnotherIdIsRefused(Object command) {
        fixture.given(deploymentPending())
                .when(command)
                .expectException(IllegalProposalTransitionException.class)
                .expectExceptionMessage(containsString("no such pending deployment"))
                .expectNoEvents();
    }

    @Test
    void deploymentOutcomeWithoutAPendingDeploymentIsRefused() {
        // already resolved: a duplicate outcome appends nothing
        fixture.given(history(ProposalStatus.DEPLOYED))
                .when(new RecordDeploymentSucceeded(ID, DEP1, null, "rest_api"))
                .expectException(IllegalProposalTransitionException.class)
                .expectExceptionMessage(containsString("no such pending deployment"))
                .expectNoEvents();
    }

    @Test
    void deploymentOutcomeDoesNotResolveAPendingRollback() {
        fixture.given(with(
                        deployedOnce(null),
                        new ProposalRollbackRequested(ID, RB1, 3, RollbackAction.DELETED, null, HA_ID, CAROL, "x")))
                .when(new RecordDeploymentSucceeded(ID, RB1, null, "rest_api"))
                .expectException(IllegalProposalTransitionException.class)
                .expectNoEvents();
    }

    // ---- rollback ----

    @Test
    void defaultRollbackRestoresWhatHaHeldBeforeTheFirstDeploy() {
        fixture.given(deployedOnce(USER_CONFIG))
                .when(new RequestRollback(ID, RB_NEW, null, RollbackStrategy.RESTORE, DAVE, "broke", null))
                .expectEvents(new ProposalRollbackRequested(
                        ID, RB_NEW, 3, RollbackAction.RESTORED, USER_CONFIG, HA_ID, DAVE, "broke"));
    }

    @Test
    void defaultRollbackAfterTwoDeploysRestoresTheFirstOne() {
        fixture.given(deployedTwice())
                .when(new RequestRollback(ID, RB_NEW, null, RollbackStrategy.RESTORE, DAVE, "broke", null))
                .expectEvents(new ProposalRollbackRequested(
                        ID, RB_NEW, 5, RollbackAction.RESTORED, CONFIG_A, HA_ID, DAVE, "broke"));
    }

    @Test
    void aSecondRollbackGoesFurtherBack() {
        // ROLLED_BACK history: deployed A then B, rolled back to v5 (A); next default is v3 (nothing)
        fixture.given(history(ProposalStatus.ROLLED_BACK))
                .when(new RequestRollback(ID, RB_NEW, null, RollbackStrategy.RESTORE, DAVE, "again", null))
                .expectEvents(new ProposalRollbackRequested(
                        ID, RB_NEW, 3, RollbackAction.DELETED, null, HA_ID, DAVE, "again"));
    }

    @Test
    void nothingLeftToRollBack() {
        fixture.given(with(
                        deployedOnce(null),
                        new ProposalRollbackRequested(ID, RB1, 3, RollbackAction.DELETED, null, HA_ID, CAROL, "x"),
                        new ProposalRolledBack(ID, RB1, 3, RollbackAction.DELETED, null, HA_ID, CAROL, "x")))
                .when(new RequestRollback(ID, RB_NEW, null, RollbackStrategy.RESTORE, DAVE, null, null))
                .expectException(IllegalProposalTransitionException.class)
                .expectExceptionMessage(containsString("nothing left to roll back"))
                .expectNoEvents();
    }

    @Test
    void explicitVersionRestoresWhatWasLiveThen() {
        fixture.given(deployedTwice())
                .when(new RequestRollback(ID, RB_NEW, 4, RollbackStrategy.RESTORE, DAVE, null, null))
                .expectEvents(new ProposalRollbackRequested(
                        ID, RB_NEW, 4, RollbackAction.RESTORED, CONFIG_A, HA_ID, DAVE, null));
    }

    @Test
    void explicitVersionBeforeAnyDeployDeletesWhenNothingWasThere() {
        fixture.given(deployedTwice())
                .when(new RequestRollback(ID, RB_NEW, 1, RollbackStrategy.RESTORE, DAVE, null, null))
                .expectEvents(
                        new ProposalRollbackRequested(ID, RB_NEW, 1, RollbackAction.DELETED, null, HA_ID, DAVE, null));
    }

    @Test
    void explicitVersionStillWorksWhenTheDefaultHasRunOut() {
        fixture.given(with(
                        deployedOnce(USER_CONFIG),
                        new ProposalRollbackRequested(ID, RB1, 3, RollbackAction.DISABLED, null, HA_ID, CAROL, "x"),
                        new ProposalRolledBack(ID, RB1, 3, RollbackAction.DISABLED, null, HA_ID, CAROL, "x")))
                .when(new RequestRollback(ID, RB_NEW, 2, RollbackStrategy.RESTORE, DAVE, null, null))
                .expectEvents(new ProposalRollbackRequested(
                        ID, RB_NEW, 2, RollbackAction.RESTORED, USER_CONFIG, HA_ID, DAVE, null));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, -1, 4, 5, 100})
    void explicitVersionOutOfRangeIsInvalid(int toVersion) {
        // deployed once: at version 4, so the allowed range is 1..3
        fixture.given(deployedOnce(null))
                .when(new RequestRollback(ID, RB_NEW, toVersion, RollbackStrategy.RESTORE, DAVE, null, null))
                .expectException(InvalidProposalCommandException.class)
                .expectExceptionMessage(containsString("between 1 and 3"))
                .expectNoEvents();
    }

    @Test
    void disableStrategyOnlyTurnsTheAutomationOff() {
        fixture.given(deployedOnce(USER_CONFIG))
                .when(new RequestRollback(ID, RB_NEW, null, RollbackStrategy.DISABLE, DAVE, "quiet", null))
                .expectEvents(new ProposalRollbackRequested(
                        ID, RB_NEW, 3, RollbackAction.DISABLED, null, HA_ID, DAVE, "quiet"));
    }

    @Test
    void rollbackWithoutAnIdIsInvalid() {
        fixture.given(deployedOnce(null))
                .when(new RequestRollback(ID, null, null, RollbackStrategy.RESTORE, DAVE, null, null))
                .expectException(InvalidProposalCommandException.class)
                .expectNoEvents();
    }

    private List<Object> rollbackPending() {
        return with(
                deployedOnce(USER_CONFIG),
                new ProposalRollbackRequested(ID, RB1, 3, RollbackAction.RESTORED, USER_CONFIG, HA_ID, CAROL, "broke"));
    }

    @Test
    void rollbackSucceededRecordsWhatThePendingRollbackRestored() {
        fixture.given(rollbackPending())
                .when(new RecordRollbackSucceeded(ID, RB1))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ProposalRolledBack(
                        ID, RB1, 3, RollbackAction.RESTORED, USER_CONFIG, HA_ID, CAROL, "broke"));
    }

    @Test
    void rollbackFailedIsRecordedForTheRequester() {
        fixture.given(rollbackPending())
                .when(new RecordRollbackFailed(ID, RB1, "HA unreachable"))
                .expectEvents(new ProposalRollbackFailed(ID, RB1, "HA unreachable", CAROL));
    }

    static Stream<Object> rollbackOutcomesWithTheWrongId() {
        return Stream.of(new RecordRollbackSucceeded(ID, WRONG), new RecordRollbackFailed(ID, WRONG, "boom"));
    }

    @ParameterizedTest
    @MethodSource("rollbackOutcomesWithTheWrongId")
    void rollbackOutcomeWithAnotherIdIsRefused(Object command) {
        fixture.given(rollbackPending())
                .when(command)
                .expectException(IllegalProposalTransitionException.class)
                .expectExceptionMessage(containsString("no such pending rollback"))
                .expectNoEvents();
    }

    @Test
    void rollbackOutcomeDoesNotResolveAPendingDeployment() {
        fixture.given(deploymentPending())
                .when(new RecordRollbackSucceeded(ID, DEP1))
                .expectException(IllegalProposalTransitionException.class)
                .expectExceptionMessage(containsString("no such pending rollback"))
                .expectNoEvents();
    }

    @Test
    void afterAnOutcomeTheProposalAcceptsCommandsAgain() {
        fixture.given(with(deploymentPending(), new ProposalDeploymentFailed(ID, DEP1, "boom", ALICE)))
                .when(new RequestDeployment(ID, DEP_NEW, false, DAVE, null))
                .expectEvents(new ProposalDeploymentRequested(ID, DEP_NEW, HA_ID, CONFIG, false, DAVE));
    }

    @Test
    void deleteIsAllowedOnceRollbackRemovedEverythingFromHa() {
        fixture.given(with(
                        deployedOnce(null),
                        new ProposalRollbackRequested(ID, RB1, 3, RollbackAction.DELETED, null, HA_ID, CAROL, "x"),
                        new ProposalRolledBack(ID, RB1, 3, RollbackAction.DELETED, null, HA_ID, CAROL, "x")))
                .when(new DeleteProposal(ID, DAVE, "gone", null))
                .expectEvents(new ProposalDeleted(ID, DAVE, "gone"));
    }

    @Test
    void deleteIsRefusedWhileARestoredConfigOfOursIsLive() {
        fixture.given(history(ProposalStatus.ROLLED_BACK))
                .when(new DeleteProposal(ID, DAVE, "gone", null))
                .expectException(IllegalProposalTransitionException.class)
                .expectExceptionMessage(containsString("still in Home Assistant"))
                .expectNoEvents();
    }

    @Test
    void aFailedSwitchIsRecorded() {
        fixture.given(with(history(ProposalStatus.DEPLOYED), new ProposalDisabled(ID, ALICE, "noisy")))
                .when(new RecordAutomationSwitchFailed(ID, "turn_off", "HA unreachable"))
                .expectEvents(new ProposalAutomationSwitchFailed(ID, "turn_off", "HA unreachable", Actor.system()));
    }

    @Test
    void anApprovalIsRevokedOnlyByARejectThatSawIt() {
        // history(APPROVED) has two events: the aggregate is at sequence number 1.
        fixture.given(history(ProposalStatus.APPROVED))
                .when(new RejectProposal(ID, DAVE, null, "changed my mind", 1L))
                .expectEvents(new ProposalRejected(ID, DAVE, null, "changed my mind"));
        fixture.given(history(ProposalStatus.APPROVED))
                .when(new RejectProposal(ID, DAVE, null, "racing", null))
                .expectException(IllegalProposalTransitionException.class)
                .expectExceptionMessage(containsString("If-Match: \"2\""))
                .expectNoEvents();
    }
}

package io.aether.domain.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.aether.domain.actor.Actor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProposalFoldTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Actor ALICE = Actor.user("alice");
    private static final Actor BOB = Actor.apiKey(UUID.fromString("00000000-0000-0000-0000-0000000000a1"), "ci");
    private static final Actor CAROL = Actor.user("carol");
    private static final UUID ID = UUID.fromString("11111111-2222-3333-4444-555555555555");
    private static final String HA_ID = AutomationConfig.haAutomationId(ID);
    private static final ProposalContent CONTENT = new ProposalContent(
            ProposalType.AUTOMATION,
            "Porch light",
            "Turn on the porch light at sunset",
            JSON.objectNode().put("platform", "sun").put("event", "sunset"),
            null,
            JSON.objectNode().put("service", "light.turn_on"),
            "single",
            null,
            null,
            null,
            null);
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private static final JsonNode USER_CONFIG = config("made by hand in HA");
    private static final JsonNode CONFIG_A = config("A");
    private static final JsonNode CONFIG_B = config("B");

    private static final UUID DEP1 = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    private static final UUID DEP2 = UUID.fromString("00000000-0000-0000-0000-0000000000d2");
    private static final UUID RB1 = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final UUID RB2 = UUID.fromString("00000000-0000-0000-0000-0000000000b2");

    private static JsonNode config(String alias) {
        return JSON.objectNode().put("id", HA_ID).put("alias", alias);
    }

    private static Instant t(int second) {
        return T0.plusSeconds(second);
    }

    /** Folds events, the n-th (1-based) at t(n). */
    private static ProposalState fold(List<Object> events) {
        List<ProposalFold.TimedEvent> timed = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            timed.add(new ProposalFold.TimedEvent(events.get(i), t(i + 1)));
        }
        return ProposalFold.fold(timed);
    }

    private static List<Object> events(Object... events) {
        return new ArrayList<>(List.of(events));
    }

    private static ProposalCreated created() {
        return new ProposalCreated(ID, CONTENT, HA_ID, Actor.agent("architect"));
    }

    /** v1 created, v2 approved, v3 deployment requested, v4 deployed (HA held {@code previous} before). */
    private static List<Object> deployedOnce(JsonNode previous) {
        return events(
                created(),
                new ProposalApproved(ID, ALICE, null, "ok"),
                new ProposalDeploymentRequested(ID, DEP1, HA_ID, CONFIG_A, false, ALICE),
                new ProposalDeployed(ID, DEP1, HA_ID, CONFIG_A, previous, "rest_api", ALICE));
    }

    /** deployedOnce(null), then v5 redeploy requested, v6 deployed B (HA held A before). */
    private static List<Object> deployedTwice() {
        List<Object> events = deployedOnce(null);
        events.add(new ProposalDeploymentRequested(ID, DEP2, HA_ID, CONFIG_B, true, BOB));
        events.add(new ProposalDeployed(ID, DEP2, HA_ID, CONFIG_B, CONFIG_A, "rest_api", BOB));
        return events;
    }

    private static void rollBack(
            List<Object> events, UUID rollbackId, int target, RollbackAction action, JsonNode config) {
        events.add(new ProposalRollbackRequested(ID, rollbackId, target, action, config, HA_ID, CAROL, "broke"));
        events.add(new ProposalRolledBack(ID, rollbackId, target, action, config, HA_ID, CAROL, "broke"));
    }

    // ---- statuses and timestamps ----

    @Test
    void createdIsProposedAtVersionOneWithAllCreationTimestamps() {
        ProposalState s = fold(events(created()));

        assertThat(s.id()).isEqualTo(ID);
        assertThat(s.version()).isEqualTo(1);
        assertThat(s.status()).isEqualTo(ProposalStatus.PROPOSED);
        assertThat(s.content()).isEqualTo(CONTENT);
        assertThat(s.haAutomationId()).isEqualTo(HA_ID);
        assertThat(s.createdAt()).isEqualTo(t(1));
        assertThat(s.updatedAt()).isEqualTo(t(1));
        assertThat(s.proposedAt()).isEqualTo(t(1));
        assertThat(s.approvedAt()).isNull();
        assertThat(s.deployedAt()).isNull();
        assertThat(s.pending()).isNull();
        assertThat(s.deleted()).isFalse();
        assertThat(s.everDeployed()).isFalse();
        assertThat(s.liveTimeline()).isEmpty();
    }

    @Test
    void approvedRecordsWhoAndWhen() {
        ProposalState s = fold(events(created(), new ProposalApproved(ID, ALICE, null, "ok")));

        assertThat(s.status()).isEqualTo(ProposalStatus.APPROVED);
        assertThat(s.version()).isEqualTo(2);
        assertThat(s.approvedAt()).isEqualTo(t(2));
        assertThat(s.approvedBy()).isEqualTo("alice");
        assertThat(s.updatedAt()).isEqualTo(t(2));
        assertThat(s.createdAt()).isEqualTo(t(1));
    }

    @Test
    void approvedByShowsTheClientsLabelWhenGivenButTheActorStaysThePrincipal() {
        ProposalApproved approved = new ProposalApproved(ID, BOB, "Alice at the desk", "ok");
        ProposalState s = fold(events(created(), approved));

        assertThat(s.approvedBy()).isEqualTo("Alice at the desk");
        assertThat(approved.actor()).isEqualTo(BOB);
        assertThat(fold(events(created(), new ProposalApproved(ID, BOB, null, "ok")))
                        .approvedBy())
                .isEqualTo("ci");
    }

    @Test
    void rejectedRecordsTheReason() {
        ProposalState s = fold(events(created(), new ProposalRejected(ID, ALICE, null, "too bright")));

        assertThat(s.status()).isEqualTo(ProposalStatus.REJECTED);
        assertThat(s.rejectionReason()).isEqualTo("too bright");
        assertThat(s.updatedAt()).isEqualTo(t(2));
    }

    @Test
    void deploymentRequestedIsPendingAndKeepsTheStatus() {
        ProposalState s = fold(events(
                created(),
                new ProposalApproved(ID, ALICE, null, "ok"),
                new ProposalDeploymentRequested(ID, DEP1, HA_ID, CONFIG_A, false, ALICE)));

        assertThat(s.status()).isEqualTo(ProposalStatus.APPROVED);
        assertThat(s.pending()).isEqualTo(PendingOperation.deployment(DEP1, CONFIG_A));
        assertThat(s.deployedAt()).isNull();
        assertThat(s.everDeployed()).isFalse();
        assertThat(s.updatedAt()).isEqualTo(t(3));
    }

    @Test
    void deployedClearsPendingAndRecordsTheLiveConfig() {
        ProposalState s = fold(deployedOnce(USER_CONFIG));

        assertThat(s.status()).isEqualTo(ProposalStatus.DEPLOYED);
        assertThat(s.version()).isEqualTo(4);
        assertThat(s.deployedAt()).isEqualTo(t(4));
        assertThat(s.pending()).isNull();
        assertThat(s.everDeployed()).isTrue();
        assertThat(s.liveTimeline()).containsExactly(new LiveConfigChange(4, CONFIG_A, true));
        assertThat(s.configBeforeFirstDeploy()).isEqualTo(USER_CONFIG);
    }

    @Test
    void failedDeploymentClearsPendingAndChangesNothingElse() {
        List<Object> events = events(
                created(),
                new ProposalApproved(ID, ALICE, null, "ok"),
                new ProposalDeploymentRequested(ID, DEP1, HA_ID, CONFIG_A, false, ALICE),
                new ProposalDeploymentFailed(ID, DEP1, "HA unreachable", ALICE));

        ProposalState s = fold(events);

        assertThat(s.status()).isEqualTo(ProposalStatus.APPROVED);
        assertThat(s.pending()).isNull();
        assertThat(s.deployedAt()).isNull();
        assertThat(s.everDeployed()).isFalse();
        assertThat(s.liveTimeline()).isEmpty();
        assertThat(s.version()).isEqualTo(4);
        assertThat(s.updatedAt()).isEqualTo(t(4));
    }

    @Test
    void onlyTheFirstDeploymentSetsConfigBeforeFirstDeploy() {
        ProposalState s = fold(deployedTwice());

        assertThat(s.configBeforeFirstDeploy()).isNull();
        assertThat(s.deployedAt()).isEqualTo(t(6));
        assertThat(s.liveTimeline())
                .containsExactly(new LiveConfigChange(4, CONFIG_A, true), new LiveConfigChange(6, CONFIG_B, true));
    }

    @Test
    void disabledEnabledDeprecatedArchivedDeletedFollowTheEvents() {
        List<Object> events = deployedOnce(null);
        events.add(new ProposalDisabled(ID, ALICE, "noisy"));
        assertThat(fold(events).status()).isEqualTo(ProposalStatus.DISABLED);

        events.add(new ProposalEnabled(ID, ALICE, "quiet now"));
        assertThat(fold(events).status()).isEqualTo(ProposalStatus.DEPLOYED);

        events.add(new ProposalDeprecated(ID, ALICE, "superseded"));
        assertThat(fold(events).status()).isEqualTo(ProposalStatus.DEPRECATED);

        events.add(new ProposalArchived(ID, ALICE, "cleanup"));
        ProposalState archived = fold(events);
        assertThat(archived.status()).isEqualTo(ProposalStatus.ARCHIVED);
        assertThat(archived.updatedAt()).isEqualTo(t(8));

        events.add(new ProposalDeleted(ID, ALICE, "gone"));
        ProposalState deleted = fold(events);
        assertThat(deleted.deleted()).isTrue();
        assertThat(deleted.status()).isEqualTo(ProposalStatus.ARCHIVED);
        assertThat(deleted.version()).isEqualTo(9);
        assertThat(deleted.updatedAt()).isEqualTo(t(9));
        // none of these touched what HA holds
        assertThat(deleted.liveTimeline()).containsExactly(new LiveConfigChange(4, CONFIG_A, true));
        assertThat(deleted.deployedAt()).isEqualTo(t(4));
    }

    @Test
    void rollbackRequestedIsPendingAndRolledBackSetsStatusTimeAndCursor() {
        List<Object> events = deployedOnce(USER_CONFIG);
        events.add(
                new ProposalRollbackRequested(ID, RB1, 3, RollbackAction.RESTORED, USER_CONFIG, HA_ID, CAROL, "broke"));
        ProposalState requested = fold(events);
        assertThat(requested.status()).isEqualTo(ProposalStatus.DEPLOYED);
        assertThat(requested.pending())
                .isEqualTo(PendingOperation.rollback(RB1, RollbackAction.RESTORED, USER_CONFIG, 3));

        events.add(new ProposalRolledBack(ID, RB1, 3, RollbackAction.RESTORED, USER_CONFIG, HA_ID, CAROL, "broke"));
        ProposalState s = fold(events);
        assertThat(s.status()).isEqualTo(ProposalStatus.ROLLED_BACK);
        assertThat(s.rolledBackAt()).isEqualTo(t(6));
        assertThat(s.pending()).isNull();
        assertThat(s.rollbackCursor()).isEqualTo(3);
        assertThat(s.liveTimeline())
                .containsExactly(new LiveConfigChange(4, CONFIG_A, true), new LiveConfigChange(6, USER_CONFIG, false));
    }

    @Test
    void failedRollbackClearsPendingAndKeepsStatusAndTimeline() {
        List<Object> events = deployedOnce(null);
        events.add(new ProposalRollbackRequested(ID, RB1, 3, RollbackAction.DELETED, null, HA_ID, CAROL, "x"));
        events.add(new ProposalRollbackFailed(ID, RB1, "HA unreachable", CAROL));

        ProposalState s = fold(events);

        assertThat(s.status()).isEqualTo(ProposalStatus.DEPLOYED);
        assertThat(s.pending()).isNull();
        assertThat(s.rolledBackAt()).isNull();
        assertThat(s.rollbackCursor()).isNull();
        assertThat(s.liveTimeline()).containsExactly(new LiveConfigChange(4, CONFIG_A, true));
        assertThat(s.defaultRollbackTarget()).contains(3);
    }

    @Test
    void emptyStreamFoldsToNullAndTheFirstEventMustBeCreated() {
        assertThat(ProposalFold.fold(List.of())).isNull();
        assertThatThrownBy(() -> ProposalFold.apply(null, new ProposalApproved(ID, ALICE, null, null), t(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ProposalCreated");
    }

    @Test
    void aForeignEventIsRefused() {
        ProposalState s = fold(events(created()));
        assertThatThrownBy(() -> ProposalFold.apply(s, "not an event", t(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void applyingDoesNotChangeThePreviousState() {
        ProposalState before = fold(deployedOnce(null));
        ProposalFold.apply(before, new ProposalDisabled(ID, ALICE, null), t(9));

        assertThat(before.status()).isEqualTo(ProposalStatus.DEPLOYED);
        assertThat(before.version()).isEqualTo(4);
    }

    // ---- live config and rollback targets ----

    @Test
    void singleDeployOverNothingRollsBackToTheVersionBeforeWithNothingLive() {
        ProposalState s = fold(deployedOnce(null));

        assertThat(s.defaultRollbackTarget()).contains(3);
        assertThat(s.liveConfigAt(3)).isEmpty();
        assertThat(s.liveConfigAt(4)).contains(CONFIG_A);
    }

    @Test
    void singleDeployOverAnExistingAutomationRollsBackToThatConfig() {
        ProposalState s = fold(deployedOnce(USER_CONFIG));

        assertThat(s.defaultRollbackTarget()).contains(3);
        assertThat(s.liveConfigAt(3)).contains(USER_CONFIG);
        assertThat(s.liveConfigAt(1)).contains(USER_CONFIG);
        assertThat(s.liveConfigAt(4)).contains(CONFIG_A);
    }

    @Test
    void twoDeploysThenTwoRollbacksMoveTheCursorFurtherBack() {
        List<Object> events = deployedTwice();
        ProposalState twice = fold(events);
        assertThat(twice.defaultRollbackTarget()).contains(5);
        assertThat(twice.liveConfigAt(5)).contains(CONFIG_A);

        rollBack(events, RB1, 5, RollbackAction.RESTORED, CONFIG_A); // v7, v8
        ProposalState once = fold(events);
        assertThat(once.rollbackCursor()).isEqualTo(5);
        assertThat(once.liveConfigAt(8)).contains(CONFIG_A);
        assertThat(once.defaultRollbackTarget()).contains(3);
        assertThat(once.liveConfigAt(3)).isEmpty();

        rollBack(events, RB2, 3, RollbackAction.DELETED, null); // v9, v10
        ProposalState again = fold(events);
        assertThat(again.rollbackCursor()).isEqualTo(3);
        assertThat(again.liveConfigAt(10)).isEmpty();
        assertThat(again.defaultRollbackTarget()).isEmpty();
        assertThat(again.liveTimeline())
                .containsExactly(
                        new LiveConfigChange(4, CONFIG_A, true),
                        new LiveConfigChange(6, CONFIG_B, true),
                        new LiveConfigChange(8, CONFIG_A, false),
                        new LiveConfigChange(10, null, false));
    }

    @Test
    void aDisableRollbackLeavesTheTimelineUntouched() {
        List<Object> events = deployedOnce(null);
        rollBack(events, RB1, 3, RollbackAction.DISABLED, null); // v5, v6

        ProposalState s = fold(events);

        assertThat(s.status()).isEqualTo(ProposalStatus.ROLLED_BACK);
        assertThat(s.liveTimeline()).containsExactly(new LiveConfigChange(4, CONFIG_A, true));
        assertThat(s.liveConfigAt(6)).contains(CONFIG_A); // still in HA, only turned off
        assertThat(s.rollbackCursor()).isEqualTo(3);
        assertThat(s.defaultRollbackTarget()).isEmpty();
    }

    @Test
    void liveConfigAtEveryExplicitVersion() {
        List<Object> events = deployedTwice();
        rollBack(events, RB1, 5, RollbackAction.RESTORED, CONFIG_A); // v7, v8
        ProposalState s = fold(events);

        List<Optional<JsonNode>> live = new ArrayList<>();
        for (int v = 1; v <= s.version(); v++) {
            live.add(s.liveConfigAt(v));
        }
        assertThat(live)
                .containsExactly(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(), // before the first deploy: nothing
                        Optional.of(CONFIG_A),
                        Optional.of(CONFIG_A), // v4 deployed A, v5 redeploy requested
                        Optional.of(CONFIG_B),
                        Optional.of(CONFIG_B), // v6 deployed B, v7 rollback requested
                        Optional.of(CONFIG_A)); // v8 rolled back to A
    }

    @Test
    void liveConfigBeforeTheFirstDeployIsWhatHaHeldThen() {
        List<Object> events = deployedOnce(USER_CONFIG);
        events.add(new ProposalDeploymentRequested(ID, DEP2, HA_ID, CONFIG_B, true, BOB));
        events.add(new ProposalDeployed(ID, DEP2, HA_ID, CONFIG_B, CONFIG_A, "rest_api", BOB));
        ProposalState s = fold(events);

        assertThat(s.liveConfigAt(2)).contains(USER_CONFIG);
        assertThat(s.liveConfigAt(4)).contains(CONFIG_A);
        assertThat(s.liveConfigAt(6)).contains(CONFIG_B);
        assertThat(s.defaultRollbackTarget()).contains(5);
    }

    /** Events read back from the store carry JSON null as NullNode; it must mean "nothing was there". */
    @Test
    void aStoredNullPreviousConfigMeansNothingWasLive() {
        ProposalState state = fold(deployedOnce(JSON.nullNode()));

        assertThat(state.liveConfigAt(3)).isEmpty();
        assertThat(state.configBeforeFirstDeploy()).isNull();
    }

    /** HA was edited by hand between two deployments: rolling back the second restores the hand edit. */
    @Test
    void aConfigChangedInHaBetweenDeploymentsIsWhatTheSecondRollbackTargetRestores() {
        JsonNode handEdit = config("edited by hand in HA");
        List<Object> events = deployedOnce(null);
        events.add(new ProposalDeploymentRequested(ID, DEP2, HA_ID, CONFIG_A, true, BOB));
        events.add(new ProposalDeployed(ID, DEP2, HA_ID, CONFIG_A, handEdit, "rest_api", BOB));
        ProposalState state = fold(events);

        assertThat(state.defaultRollbackTarget()).contains(5);
        assertThat(state.liveConfigAt(5)).contains(handEdit);
        assertThat(state.liveConfigAt(4)).contains(CONFIG_A);
        assertThat(state.liveConfigAt(6)).contains(CONFIG_A);
    }

    @Test
    void aFailedSwitchOnlyMovesTheVersion() {
        List<Object> events = deployedOnce(null);
        events.add(new ProposalDisabled(ID, ALICE, "noisy"));
        ProposalState before = fold(events);
        events.add(new ProposalAutomationSwitchFailed(ID, "turn_off", "HA unreachable", Actor.system()));
        ProposalState after = fold(events);

        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(after.status()).isEqualTo(ProposalStatus.DISABLED);
        assertThat(after.liveTimeline()).isEqualTo(before.liveTimeline());
        assertThat(after.pending()).isNull();
    }
}

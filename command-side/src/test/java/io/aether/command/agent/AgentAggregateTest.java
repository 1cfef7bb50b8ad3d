package io.aether.command.agent;

import static io.aether.command.agent.AgentFixtures.AGENT_ID;
import static io.aether.command.agent.AgentFixtures.ALICE;
import static io.aether.command.agent.AgentFixtures.BOB;
import static io.aether.command.agent.AgentFixtures.CONFIG;
import static io.aether.command.agent.AgentFixtures.NAME;
import static io.aether.command.agent.AgentFixtures.PROFILE;
import static io.aether.command.agent.AgentFixtures.PROMPT;
import static io.aether.command.agent.AgentFixtures.config;
import static io.aether.command.agent.AgentFixtures.configChain;
import static io.aether.command.agent.AgentFixtures.configContent;
import static io.aether.command.agent.AgentFixtures.configDraft;
import static io.aether.command.agent.AgentFixtures.plus;
import static io.aether.command.agent.AgentFixtures.prompt;
import static io.aether.command.agent.AgentFixtures.promptChain;
import static io.aether.command.agent.AgentFixtures.promptContent;
import static io.aether.command.agent.AgentFixtures.promptDraft;
import static io.aether.command.agent.AgentFixtures.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.aether.domain.agent.AgentCloned;
import io.aether.domain.agent.AgentConfigDraftCreated;
import io.aether.domain.agent.AgentConfigDraftDiscarded;
import io.aether.domain.agent.AgentConfigDraftUpdated;
import io.aether.domain.agent.AgentConfigPromoted;
import io.aether.domain.agent.AgentConfigRolledBack;
import io.aether.domain.agent.AgentEvent;
import io.aether.domain.agent.AgentPromptDraftCreated;
import io.aether.domain.agent.AgentPromptDraftDiscarded;
import io.aether.domain.agent.AgentPromptDraftUpdated;
import io.aether.domain.agent.AgentPromptPromoted;
import io.aether.domain.agent.AgentPromptRolledBack;
import io.aether.domain.agent.AgentStatus;
import io.aether.domain.agent.AgentStatusChanged;
import io.aether.domain.agent.AgentVersion;
import io.aether.domain.agent.AgentVersionNotFoundException;
import io.aether.domain.agent.BumpType;
import io.aether.domain.agent.ChangeAgentStatus;
import io.aether.domain.agent.ConfigContent;
import io.aether.domain.agent.CreateAgentClone;
import io.aether.domain.agent.CreateConfigDraft;
import io.aether.domain.agent.CreatePromptDraft;
import io.aether.domain.agent.DiscardConfigDraft;
import io.aether.domain.agent.DiscardPromptDraft;
import io.aether.domain.agent.IllegalAgentTransitionException;
import io.aether.domain.agent.InvalidAgentCommandException;
import io.aether.domain.agent.PromoteAllDrafts;
import io.aether.domain.agent.PromoteConfig;
import io.aether.domain.agent.PromotePrompt;
import io.aether.domain.agent.PromotedDrafts;
import io.aether.domain.agent.PromptContent;
import io.aether.domain.agent.RegisterAgent;
import io.aether.domain.agent.RollBackConfig;
import io.aether.domain.agent.RollBackPrompt;
import io.aether.domain.agent.SwitchModel;
import io.aether.domain.agent.UpdateConfigDraft;
import io.aether.domain.agent.UpdatePromptDraft;
import io.aether.domain.agent.VersionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of the Agent aggregate, legal and illegal; illegal commands append nothing. */
class AgentAggregateTest {
    private AggregateTestFixture<AgentAggregate> fixture;
    private AgentFixtures.MemorySlot slot;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AgentAggregate.class);
        slot = new AgentFixtures.MemorySlot(null);
        fixture.registerAnnotatedCommandHandler(new AgentStatusHandler(fixture.getRepository(), slot));
    }

    // ---- registration and cloning ----

    @Test
    void registeringRecordsTheAgentAndPromotesConfigAndPromptVersionOne() {
        fixture.givenNoPriorActivity()
                .when(AgentFixtures.register())
                .expectEvents(registered().toArray())
                .expectState(a -> {
                    assertThat(a.state().status()).isEqualTo(AgentStatus.ENABLED);
                    assertThat(a.state().config().active().orElseThrow().semver())
                            .isEqualTo("0.1.0");
                    assertThat(a.state().prompt().active().orElseThrow().number())
                            .isEqualTo(1);
                });
    }

    @Test
    void registeringWithAnUnknownToolOrABadTemperatureAppendsNothing() {
        ConfigContent unknownTool = new ConfigContent("m", 0.5, null, List.of("no_such_tool"), null);
        fixture.givenNoPriorActivity()
                .when(new RegisterAgent(NAME, AGENT_ID, PROFILE, config(1), unknownTool, prompt(1), PROMPT, ALICE))
                .expectException(InvalidAgentCommandException.class)
                .expectExceptionMessage(containsString("no_such_tool"))
                .expectNoEvents();
        ConfigContent hot = new ConfigContent("m", 2.5, null, null, null);
        fixture.givenNoPriorActivity()
                .when(new RegisterAgent(NAME, AGENT_ID, PROFILE, config(1), hot, prompt(1), PROMPT, ALICE))
                .expectException(InvalidAgentCommandException.class)
                .expectNoEvents();
    }

    @Test
    void aCloneStartsEnabledWithTheSourcesActiveConfigAndPromptAsDrafts() {
        UUID cloneId = UUID.randomUUID();
        fixture.givenNoPriorActivity()
                .when(new CreateAgentClone(
                        "architect_copy", cloneId, NAME, PROFILE, config(7), CONFIG, prompt(7), PROMPT, BOB))
                .expectEvents(
                        new AgentCloned("architect_copy", cloneId, NAME, PROFILE, BOB),
                        new AgentConfigDraftCreated(
                                "architect_copy", config(7), 1, CONFIG, "Cloned from architect", BumpType.PATCH, BOB),
                        new AgentPromptDraftCreated(
                                "architect_copy", prompt(7), 1, PROMPT, "Cloned from architect", BumpType.PATCH, BOB))
                .expectState(a -> {
                    assertThat(a.state().status()).isEqualTo(AgentStatus.ENABLED);
                    assertThat(a.state().clonedFrom()).isEqualTo(NAME);
                    assertThat(a.state().config().active()).isEmpty();
                    assertThat(a.state().config().draft()).isPresent();
                });
    }

    // ---- drafts ----

    @Test
    void aConfigDraftGetsTheNextNumber() {
        fixture.given(registered())
                .when(new CreateConfigDraft(NAME, config(2), configContent(2), "v2", null, ALICE))
                .expectEvents(configDraft(2))
                .expectResultMessagePayloadMatching(org.hamcrest.Matchers.hasProperty("class"));
    }

    @Test
    void aSecondConfigDraftIsRefused() {
        fixture.given(plus(registered(), configDraft(2)))
                .when(new CreateConfigDraft(NAME, config(3), configContent(3), "v3", null, ALICE))
                .expectException(IllegalAgentTransitionException.class)
                .expectExceptionMessage(containsString("edit or delete it first"))
                .expectNoEvents();
    }

    @Test
    void aSecondPromptDraftIsRefused() {
        fixture.given(plus(registered(), promptDraft(2)))
                .when(new CreatePromptDraft(NAME, prompt(3), promptContent(3), null, null, ALICE))
                .expectException(IllegalAgentTransitionException.class)
                .expectExceptionMessage(containsString("edit or delete it first"))
                .expectNoEvents();
    }

    @Test
    void editingADraftKeepsWhatThePatchDoesNotSet() {
        ConfigContent patch = new ConfigContent(null, 1.5, null, null, List.of("diagnostics"));
        ConfigContent expected =
                new ConfigContent("model-2", 1.5, "gpt-4o-mini", List.of("get_entity_state"), List.of("diagnostics"));
        fixture.given(plus(registered(), configDraft(2)))
                .when(new UpdateConfigDraft(NAME, config(2), patch, null, BOB))
                .expectEvents(new AgentConfigDraftUpdated(NAME, config(2), expected, "v2", BOB));
    }

    @Test
    void editingAPromptDraft() {
        fixture.given(plus(registered(), promptDraft(2)))
                .when(new UpdatePromptDraft(NAME, prompt(2), "Better prompt", "clearer", BOB))
                .expectEvents(new AgentPromptDraftUpdated(
                        NAME, prompt(2), new PromptContent("Better prompt"), "clearer", BOB));
    }

    @Test
    void onlyDraftsCanBeEditedOrDeleted() {
        fixture.given(registered())
                .when(new UpdateConfigDraft(NAME, config(1), new ConfigContent("x", null, null, null, null), null, BOB))
                .expectException(IllegalAgentTransitionException.class)
                .expectExceptionMessage(containsString("Only drafts can be edited"))
                .expectNoEvents();
        fixture.given(registered())
                .when(new DiscardConfigDraft(NAME, config(1), BOB))
                .expectException(IllegalAgentTransitionException.class)
                .expectNoEvents();
        fixture.given(registered())
                .when(new DiscardPromptDraft(NAME, prompt(1), BOB))
                .expectException(IllegalAgentTransitionException.class)
                .expectNoEvents();
        fixture.given(registered())
                .when(new UpdatePromptDraft(NAME, prompt(1), "x", null, BOB))
                .expectException(IllegalAgentTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void aVersionOfAnotherAgentIsNotFound() {
        UUID foreign = UUID.randomUUID();
        fixture.given(plus(registered(), configDraft(2)))
                .when(new PromoteConfig(NAME, foreign, null, ALICE))
                .expectException(AgentVersionNotFoundException.class)
                .expectNoEvents();
        fixture.given(plus(registered(), configDraft(2)))
                .when(new DiscardConfigDraft(NAME, foreign, ALICE))
                .expectException(AgentVersionNotFoundException.class)
                .expectNoEvents();
        fixture.given(plus(registered(), promptDraft(2)))
                .when(new UpdatePromptDraft(NAME, foreign, "x", null, ALICE))
                .expectException(AgentVersionNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void aDiscardedDraftsNumberIsNotGivenAgain() {
        fixture.given(plus(registered(), configDraft(2), new AgentConfigDraftDiscarded(NAME, config(2), 2, ALICE)))
                .when(new CreateConfigDraft(NAME, config(3), configContent(3), "v3", null, ALICE))
                .expectEvents(configDraft(3));
        fixture.given(plus(registered(), promptDraft(2)))
                .when(new DiscardPromptDraft(NAME, prompt(2), BOB))
                .expectEvents(new AgentPromptDraftDiscarded(NAME, prompt(2), 2, BOB))
                .expectState(a -> assertThat(a.state().prompt().draft()).isEmpty());
    }

    @Test
    void aPromptOverFiftyThousandCharactersIsRefused() {
        fixture.given(registered())
                .when(new CreatePromptDraft(NAME, prompt(2), new PromptContent("x".repeat(50_001)), null, null, ALICE))
                .expectException(InvalidAgentCommandException.class)
                .expectNoEvents();
    }

    // ---- promotion ----

    @Test
    void promotionChainV1V2V3BumpsTheSemverAndArchivesTheActiveVersion() {
        fixture.given(plus(configChain(2), configDraft(3)))
                .when(new PromoteConfig(NAME, config(3), null, BOB))
                .expectEvents(new AgentConfigPromoted(
                        NAME, config(3), 3, "0.1.2", BumpType.PATCH, configContent(3), "v3", config(2), BOB))
                .expectState(a -> {
                    List<AgentVersion<ConfigContent>> versions =
                            a.state().config().versions();
                    assertThat(versions)
                            .extracting(AgentVersion::status)
                            .containsExactly(VersionStatus.ARCHIVED, VersionStatus.ARCHIVED, VersionStatus.ACTIVE);
                    assertThat(versions).extracting(AgentVersion::semver).containsExactly("0.1.0", "0.1.1", "0.1.2");
                    assertThat(a.state().config().activeLine()).containsExactly(1, 2, 3);
                });
    }

    @ParameterizedTest
    @MethodSource("bumps")
    void theBumpTypeDecidesTheNextSemver(BumpType asked, BumpType drafted, String expected) {
        AgentConfigDraftCreated draft =
                new AgentConfigDraftCreated(NAME, config(3), 3, configContent(3), "v3", drafted, ALICE);
        fixture.given(plus(configChain(2), draft))
                .when(new PromoteConfig(NAME, config(3), asked, BOB))
                .expectEvents(new AgentConfigPromoted(
                        NAME,
                        config(3),
                        3,
                        expected,
                        asked != null ? asked : drafted,
                        configContent(3),
                        "v3",
                        config(2),
                        BOB));
    }

    static Stream<Arguments> bumps() {
        return Stream.of(
                Arguments.of(BumpType.PATCH, BumpType.MAJOR, "0.1.2"),
                Arguments.of(BumpType.MINOR, BumpType.PATCH, "0.2.0"),
                Arguments.of(BumpType.MAJOR, BumpType.PATCH, "1.0.0"),
                Arguments.of(null, BumpType.MINOR, "0.2.0"));
    }

    @Test
    void aPromotedDraftCannotBePromotedAgain() {
        fixture.given(configChain(2))
                .when(new PromoteConfig(NAME, config(2), null, BOB))
                .expectException(IllegalAgentTransitionException.class)
                .expectExceptionMessage(containsString("Only drafts can be promoted"))
                .expectNoEvents();
    }

    @Test
    void promotingAPromptDraft() {
        fixture.given(plus(registered(), promptDraft(2)))
                .when(new PromotePrompt(NAME, prompt(2), BumpType.MINOR, BOB))
                .expectEvents(new AgentPromptPromoted(
                        NAME, prompt(2), 2, "0.2.0", BumpType.MINOR, promptContent(2), "v2", prompt(1), BOB));
    }

    @Test
    void promoteAllPromotesWhicheverDraftsExist() {
        fixture.given(plus(registered(), configDraft(2), promptDraft(2)))
                .when(new PromoteAllDrafts(NAME, null, BOB))
                .expectEvents(
                        new AgentConfigPromoted(
                                NAME, config(2), 2, "0.1.1", BumpType.PATCH, configContent(2), "v2", config(1), BOB),
                        new AgentPromptPromoted(
                                NAME, prompt(2), 2, "0.1.1", BumpType.PATCH, promptContent(2), "v2", prompt(1), BOB))
                .expectResultMessagePayloadMatching(new org.hamcrest.CustomTypeSafeMatcher<PromotedDrafts>("both") {
                    @Override
                    protected boolean matchesSafely(PromotedDrafts p) {
                        return p.config() != null && p.prompt() != null;
                    }
                });
        fixture.given(plus(registered(), promptDraft(2)))
                .when(new PromoteAllDrafts(NAME, BumpType.MAJOR, BOB))
                .expectEvents(new AgentPromptPromoted(
                        NAME, prompt(2), 2, "1.0.0", BumpType.MAJOR, promptContent(2), "v2", prompt(1), BOB))
                .expectResultMessagePayloadMatching(new org.hamcrest.CustomTypeSafeMatcher<PromotedDrafts>("prompt") {
                    @Override
                    protected boolean matchesSafely(PromotedDrafts p) {
                        return p.config() == null && p.prompt().semver().equals("1.0.0");
                    }
                });
        fixture.given(registered())
                .when(new PromoteAllDrafts(NAME, null, BOB))
                .expectNoEvents()
                .expectResultMessagePayload(new PromotedDrafts(null, null));
    }

    @Test
    void switchingTheModelDraftsACopyOfTheActiveConfigAndPromotesIt() {
        ConfigContent switched = CONFIG.withModel("llama3");
        fixture.given(registered())
                .when(new SwitchModel(NAME, config(2), "llama3", BOB))
                .expectEvents(
                        new AgentConfigDraftCreated(
                                NAME, config(2), 2, switched, "Model switched to llama3", BumpType.PATCH, BOB),
                        new AgentConfigPromoted(
                                NAME,
                                config(2),
                                2,
                                "0.1.1",
                                BumpType.PATCH,
                                switched,
                                "Model switched to llama3",
                                config(1),
                                BOB));
        fixture.given(plus(registered(), configDraft(2)))
                .when(new SwitchModel(NAME, config(3), "llama3", BOB))
                .expectException(IllegalAgentTransitionException.class)
                .expectNoEvents();
    }

    // ---- rollback by replay ----

    @Test
    void rollbackRestoresThePreviousActiveVersion() {
        fixture.given(configChain(3))
                .when(new RollBackConfig(NAME, null, BOB))
                .expectEvents(rolledBack(2, "0.1.1", 3))
                .expectState(a -> {
                    assertThat(a.state().config().active().orElseThrow().number())
                            .isEqualTo(2);
                    assertThat(a.state().config().byNumber(3).orElseThrow().status())
                            .isEqualTo(VersionStatus.ARCHIVED);
                });
    }

    @Test
    void rollingBackTwiceWalksFurtherBackThenThereIsNothingEarlier() {
        fixture.given(plus(configChain(3), rolledBack(2, "0.1.1", 3)))
                .when(new RollBackConfig(NAME, null, BOB))
                .expectEvents(rolledBack(1, "0.1.0", 2));
        fixture.given(plus(configChain(3), rolledBack(2, "0.1.1", 3), rolledBack(1, "0.1.0", 2)))
                .when(new RollBackConfig(NAME, null, BOB))
                .expectException(IllegalAgentTransitionException.class)
                .expectExceptionMessage(containsString("nothing earlier"))
                .expectNoEvents();
        fixture.given(registered())
                .when(new RollBackConfig(NAME, null, BOB))
                .expectException(IllegalAgentTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void rollbackToANamedVersion() {
        fixture.given(configChain(4))
                .when(new RollBackConfig(NAME, 2, BOB))
                .expectEvents(rolledBack(2, "0.1.1", 4))
                .expectState(a -> assertThat(a.state().config().activeLine()).containsExactly(1, 2));
    }

    @Test
    void rollbackToAVersionRolledAwayFromGoesForwardAndTheNextRollbackReturns() {
        List<AgentEvent> rolledBackOnce = plus(configChain(3), rolledBack(2, "0.1.1", 3));
        fixture.given(rolledBackOnce).when(new RollBackConfig(NAME, 3, BOB)).expectEvents(rolledBack(3, "0.1.2", 2));
        fixture.given(plus(rolledBackOnce, rolledBack(3, "0.1.2", 2)))
                .when(new RollBackConfig(NAME, null, BOB))
                .expectEvents(rolledBack(2, "0.1.1", 3));
    }

    @Test
    void rollbackToAVersionNeverActiveOrAlreadyActiveIsRefused() {
        for (int target : new int[] {4, 3, 99}) {
            fixture.given(plus(configChain(3), configDraft(4)))
                    .when(new RollBackConfig(NAME, target, BOB))
                    .expectException(IllegalAgentTransitionException.class)
                    .expectNoEvents();
        }
    }

    @Test
    void rollbackKeepsAPendingDraftAndPromotionAfterItBumpsTheLatestSemver() {
        List<AgentEvent> history = plus(configChain(3), configDraft(4));
        fixture.given(history)
                .when(new RollBackConfig(NAME, null, BOB))
                .expectEvents(rolledBack(2, "0.1.1", 3))
                .expectState(
                        a -> assertThat(a.state().config().draft().orElseThrow().number())
                                .isEqualTo(4));
        fixture.given(plus(history, rolledBack(2, "0.1.1", 3)))
                .when(new PromoteConfig(NAME, config(4), null, BOB))
                .expectEvents(new AgentConfigPromoted(
                        NAME, config(4), 4, "0.1.3", BumpType.PATCH, configContent(4), "v4", config(2), BOB));
    }

    @Test
    void promptRollback() {
        fixture.given(promptChain(3))
                .when(new RollBackPrompt(NAME, 1, BOB))
                .expectEvents(
                        new AgentPromptRolledBack(NAME, prompt(1), 1, "0.1.0", promptContent(1), prompt(3), 3, BOB));
        fixture.given(registered())
                .when(new RollBackPrompt(NAME, null, BOB))
                .expectException(IllegalAgentTransitionException.class)
                .expectNoEvents();
    }

    private static AgentConfigRolledBack rolledBack(int to, String semver, int from) {
        return new AgentConfigRolledBack(NAME, config(to), to, semver, configContent(to), config(from), from, BOB);
    }

    // ---- status ----

    @ParameterizedTest
    @MethodSource("transitions")
    void statusTransitions(AgentStatus from, AgentStatus to, boolean allowed) {
        List<AgentEvent> history = new ArrayList<>(registered());
        if (from == AgentStatus.DISABLED) {
            history.add(new AgentStatusChanged(NAME, AgentStatus.ENABLED, AgentStatus.DISABLED, ALICE, null));
        } else if (from == AgentStatus.PRIMARY) {
            history.add(new AgentStatusChanged(NAME, AgentStatus.ENABLED, AgentStatus.PRIMARY, ALICE, null));
            slot.holder = NAME;
        }
        if (allowed) {
            fixture.given(history)
                    .when(new ChangeAgentStatus(NAME, to, BOB))
                    .expectEvents(new AgentStatusChanged(NAME, from, to, BOB, null));
        } else {
            fixture.given(history)
                    .when(new ChangeAgentStatus(NAME, to, BOB))
                    .expectException(IllegalAgentTransitionException.class)
                    .expectNoEvents();
        }
    }

    static Stream<Arguments> transitions() {
        List<Arguments> all = new ArrayList<>();
        for (AgentStatus from : AgentStatus.values()) {
            for (AgentStatus to : AgentStatus.values()) {
                boolean allowed = (from == AgentStatus.DISABLED && to == AgentStatus.ENABLED)
                        || (from == AgentStatus.ENABLED && to != AgentStatus.ENABLED)
                        || (from == AgentStatus.PRIMARY && to != AgentStatus.PRIMARY);
                all.add(Arguments.of(from, to, allowed));
            }
        }
        return all.stream();
    }

    @Test
    void makingAnAgentPrimaryTakesTheSlot() {
        fixture.given(registered())
                .when(new ChangeAgentStatus(NAME, AgentStatus.PRIMARY, BOB))
                .expectEvents(new AgentStatusChanged(NAME, AgentStatus.ENABLED, AgentStatus.PRIMARY, BOB, null));
        assertThat(slot.holder).isEqualTo(NAME);
        assertThat(slot.locks).isEqualTo(1);
    }

    @Test
    void anIllegalChangeToPrimaryLeavesTheSlotAsItWas() {
        slot.holder = "librarian";
        fixture.given(plus(
                        registered(),
                        new AgentStatusChanged(NAME, AgentStatus.ENABLED, AgentStatus.DISABLED, ALICE, null)))
                .when(new ChangeAgentStatus(NAME, AgentStatus.PRIMARY, BOB))
                .expectException(IllegalAgentTransitionException.class)
                .expectNoEvents();
        assertThat(slot.holder).isEqualTo("librarian");
    }
}

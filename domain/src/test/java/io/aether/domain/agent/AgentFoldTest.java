package io.aether.domain.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aether.domain.actor.Actor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AgentFoldTest {
    private static final Actor ALICE = Actor.user("alice");
    private static final String NAME = "librarian";
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final ConfigContent CONFIG = new ConfigContent("m1", 0.2, null, List.of(), List.of());

    private static UUID id(int n) {
        return new UUID(1, n);
    }

    private final List<AgentFold.TimedEvent> events = new ArrayList<>();

    private void add(AgentEvent e) {
        events.add(new AgentFold.TimedEvent(e, T0.plusSeconds(events.size())));
    }

    private void registerWithConfigs(int n) {
        add(new AgentRegistered(
                NAME, id(0), new AgentProfile("d", null, false, null, null), AgentStatus.ENABLED, ALICE));
        String semver = null;
        for (int v = 1; v <= n; v++) {
            add(new AgentConfigDraftCreated(NAME, id(v), v, CONFIG.withModel("m" + v), null, BumpType.MINOR, ALICE));
            semver = BumpType.MINOR.bump(semver);
            add(new AgentConfigPromoted(
                    NAME,
                    id(v),
                    v,
                    semver,
                    BumpType.MINOR,
                    CONFIG.withModel("m" + v),
                    null,
                    v > 1 ? id(v - 1) : null,
                    ALICE));
        }
    }

    @Test
    void promotionsArchiveTheActiveVersionAndExtendTheActiveLine() {
        registerWithConfigs(3);
        AgentState s = AgentFold.fold(events);
        assertThat(s.version()).isEqualTo(7);
        assertThat(s.config().active().orElseThrow().semver()).isEqualTo("0.3.0");
        assertThat(s.config().versions())
                .extracting(AgentVersion::status)
                .containsExactly(VersionStatus.ARCHIVED, VersionStatus.ARCHIVED, VersionStatus.ACTIVE);
        assertThat(s.config().activeLine()).containsExactly(1, 2, 3);
        assertThat(s.config().lastSemver()).isEqualTo("0.3.0");
        assertThat(s.updatedAt()).isEqualTo(T0.plusSeconds(6));
    }

    @Test
    void rollbackTargetsWalkBackAlongTheActiveLine() {
        registerWithConfigs(3);
        AgentState s = AgentFold.fold(events);
        assertThat(s.config().rollbackTarget(null, "config")).isEqualTo(2);
        add(new AgentConfigRolledBack(NAME, id(2), 2, "0.2.0", CONFIG.withModel("m2"), id(3), 3, ALICE));
        s = AgentFold.fold(events);
        assertThat(s.config().active().orElseThrow().content().modelName()).isEqualTo("m2");
        assertThat(s.config().rollbackTarget(null, "config")).isEqualTo(1);
        assertThat(s.config().rollbackTarget(3, "config")).isEqualTo(3);
        assertThatThrownBy(() -> AgentFold.fold(events).config().rollbackTarget(2, "config"))
                .isInstanceOf(IllegalAgentTransitionException.class)
                .hasMessageContaining("active version");
        add(new AgentConfigRolledBack(NAME, id(1), 1, "0.1.0", CONFIG.withModel("m1"), id(2), 2, ALICE));
        assertThatThrownBy(() -> AgentFold.fold(events).config().rollbackTarget(null, "config"))
                .isInstanceOf(IllegalAgentTransitionException.class)
                .hasMessageContaining("nothing earlier");
    }

    @Test
    void aDiscardedDraftLeavesItsNumberTaken() {
        registerWithConfigs(1);
        add(new AgentConfigDraftCreated(NAME, id(2), 2, CONFIG, null, null, ALICE));
        add(new AgentConfigDraftDiscarded(NAME, id(2), 2, ALICE));
        AgentState s = AgentFold.fold(events);
        assertThat(s.config().draft()).isEmpty();
        assertThat(s.config().lastNumber()).isEqualTo(2);
        assertThatThrownBy(() -> AgentFold.fold(events).config().rollbackTarget(null, "config"))
                .isInstanceOf(IllegalAgentTransitionException.class);
    }

    @Test
    void statusAndPromptFollowTheirEvents() {
        registerWithConfigs(1);
        add(new AgentStatusChanged(NAME, AgentStatus.ENABLED, AgentStatus.PRIMARY, ALICE, null));
        add(new AgentPromptDraftCreated(NAME, id(9), 1, new PromptContent("hi"), null, null, ALICE));
        add(new AgentPromptDraftUpdated(NAME, id(9), new PromptContent("hello"), "s", ALICE));
        AgentState s = AgentFold.fold(events);
        assertThat(s.status()).isEqualTo(AgentStatus.PRIMARY);
        assertThat(s.prompt().draft().orElseThrow().content().promptTemplate()).isEqualTo("hello");
        assertThat(s.prompt().active()).isEmpty();
    }

    @Test
    void theFirstEventMustRegisterTheAgent() {
        assertThatThrownBy(() -> AgentFold.apply(
                        null, new AgentStatusChanged(NAME, AgentStatus.ENABLED, AgentStatus.DISABLED, ALICE, null), T0))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void semverBumps() {
        assertThat(BumpType.PATCH.bump(null)).isEqualTo("0.1.0");
        assertThat(BumpType.MAJOR.bump(null)).isEqualTo("0.1.0");
        assertThat(BumpType.PATCH.bump("1.2.3")).isEqualTo("1.2.4");
        assertThat(BumpType.MINOR.bump("1.2.3")).isEqualTo("1.3.0");
        assertThat(BumpType.MAJOR.bump("1.2.3")).isEqualTo("2.0.0");
        assertThatThrownBy(() -> BumpType.fromWire("huge")).hasMessageContaining("major, minor, patch");
    }

    @Test
    void cloneNamesTakeTheFirstFreeCandidate() {
        assertThat(CloneNames.firstFree("food", n -> false)).isEqualTo("food_copy");
        Set<String> taken = Set.of("food_copy", "food_copy2");
        assertThat(CloneNames.firstFree("food", taken::contains)).isEqualTo("food_copy3");
    }
}

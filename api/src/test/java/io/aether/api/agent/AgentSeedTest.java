package io.aether.api.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.aether.domain.tool.ToolRegistry;
import io.aether.domain.toolgroup.DefaultToolGroups;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seeded agents pass the same checks as any config: when the tool list changes, this says so. */
class AgentSeedTest {
    /** The original's 13 agents, in its order (original-aether.md §2.4). */
    static final List<String> ORIGINAL_AGENTS = List.of(
            "librarian",
            "categorizer",
            "architect",
            "developer",
            "data_scientist",
            "orchestrator",
            "knowledge",
            "dashboard_designer",
            "energy_analyst",
            "behavioral_analyst",
            "diagnostic_analyst",
            "food",
            "research");

    private final AgentSeed seed = new AgentSeed();

    @Test
    void theThirteenAgentsOfTheOriginalWithPromptsAndKnownToolsAndGroups() {
        assertThat(seed.definitions())
                .extracting(AgentSeed.Definition::name)
                .containsExactlyElementsOf(ORIGINAL_AGENTS);
        List<String> groups = DefaultToolGroups.ALL.stream()
                .map(DefaultToolGroups.DefaultToolGroup::name)
                .toList();
        for (AgentSeed.Definition d : seed.definitions()) {
            assertThat(d.config().toolsEnabled()).as(d.name()).allMatch(ToolRegistry::isKnown);
            assertThat(d.config().toolGroupsEnabled()).as(d.name()).allMatch(groups::contains);
            assertThat(d.prompt().promptTemplate()).as(d.name()).isNotBlank().hasSizeLessThan(50_000);
            assertThat(d.config().temperature()).as(d.name()).isBetween(0.0, 2.0);
        }
    }
}

package io.aether.domain.toolgroup;

import static org.assertj.core.api.Assertions.assertThat;

import io.aether.domain.tool.ToolRegistry;
import io.aether.domain.toolgroup.DefaultToolGroups.DefaultToolGroup;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultToolGroupsTest {

    @Test
    void theTwelveGroupsOfTheOriginalInItsOrder() {
        assertThat(DefaultToolGroups.ALL.stream().map(DefaultToolGroup::name).toList())
                .containsExactly(
                        "ha_entity_query",
                        "ha_automation_query",
                        "ha_live_query",
                        "ha_mutation",
                        "diagnostics",
                        "specialists",
                        "approval",
                        "discovery",
                        "analysis",
                        "scheduling",
                        "web",
                        "review");
    }

    @Test
    void onlyMutationAndAnalysisAreNotReadOnly() {
        assertThat(DefaultToolGroups.ALL.stream()
                        .filter(g -> !g.content().readOnly())
                        .map(DefaultToolGroup::name)
                        .toList())
                .containsExactly("ha_mutation", "analysis");
    }

    @Test
    void everyGroupIsValidNamesOnlyKnownToolsAndHasADisplayName() {
        for (DefaultToolGroup group : DefaultToolGroups.ALL) {
            assertThat(ToolGroupNames.isValid(group.name())).as(group.name()).isTrue();
            assertThat(group.content().toolNames())
                    .as(group.name())
                    .isNotEmpty()
                    .doesNotHaveDuplicates();
            assertThat(ToolRegistry.unknown(group.content().toolNames()))
                    .as(group.name())
                    .isEmpty();
            assertThat(group.content().displayName()).isNotBlank();
            assertThat(group.content().description()).isNotBlank();
        }
        assertThat(DefaultToolGroups.ALL.get(0).content().toolNames())
                .containsExactly(
                        "get_entity_state", "list_entities_by_domain", "search_entities", "get_domain_summary");
    }

    @Test
    void theMutationGroupHoldsOnlyProposalTools() {
        List<String> tools = DefaultToolGroups.ALL.get(3).content().toolNames();
        assertThat(tools).hasSize(13);
        assertThat(tools).allMatch(t -> ToolRegistry.find(t).orElseThrow().createsProposals());
    }

    @Test
    void namesFollowThePattern() {
        assertThat(ToolGroupNames.isValid("my_group2")).isTrue();
        assertThat(ToolGroupNames.isValid("2group")).isFalse();
        assertThat(ToolGroupNames.isValid("My_group")).isFalse();
        assertThat(ToolGroupNames.isValid("with-dash")).isFalse();
        assertThat(ToolGroupNames.isValid("")).isFalse();
        assertThat(ToolGroupNames.isValid(null)).isFalse();
        assertThat(ToolGroupNames.isValid("a".repeat(101))).isFalse();
        assertThat(ToolGroupNames.aggregateId("web")).isEqualTo("tool-group:web");
    }
}

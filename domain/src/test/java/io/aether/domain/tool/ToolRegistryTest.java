package io.aether.domain.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aether.domain.proposal.ProposalType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ToolRegistryTest {

    @Test
    void everyToolThatIsNotReadOnlyOnlyCreatesProposals() {
        for (ToolDefinition tool : ToolRegistry.all()) {
            if (tool.readOnly()) {
                assertThat(tool.proposes()).as(tool.name()).isEmpty();
            } else {
                assertThat(tool.createsProposals()).as(tool.name()).isTrue();
                assertThat(tool.proposes()).as(tool.name()).isNotEmpty();
            }
        }
        assertThat(ToolRegistry.all()).filteredOn(t -> !t.readOnly()).isNotEmpty();
    }

    @Test
    void aToolThatWouldChangeHomeAssistantCannotBeDefined() {
        Map<String, Object> noArguments = Map.of("type", "object");
        assertThatThrownBy(() -> new ToolDefinition("turn_everything_off", "x", noArguments, false, Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no tool may change Home Assistant");
        assertThatThrownBy(() -> new ToolDefinition("sneaky", "x", noArguments, true, Set.of(ProposalType.AUTOMATION)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOriginalsMutationToolsAreProposalsOfTheMatchingType() {
        assertThat(proposes("control_entity")).containsExactly(ProposalType.ENTITY_COMMAND);
        assertThat(proposes("deploy_automation")).containsExactly(ProposalType.AUTOMATION);
        assertThat(proposes("create_script")).containsExactly(ProposalType.SCRIPT);
        assertThat(proposes("create_scene")).containsExactly(ProposalType.SCENE);
        assertThat(proposes("create_timer")).containsExactly(ProposalType.HELPER);
        assertThat(proposes("seek_approval")).containsExactlyInAnyOrder(ProposalType.values());
        assertThat(ToolRegistry.find("get_entity_state").orElseThrow().readOnly())
                .isTrue();
        // no proposal type can carry these yet, so they are not offered
        assertThat(ToolRegistry.isKnown("delete_automation")).isFalse();
        assertThat(ToolRegistry.isKnown("fire_event")).isFalse();
    }

    @Test
    void namesAreUniqueWellFormedAndInAStableOrder() {
        List<String> names = ToolRegistry.names();
        assertThat(names).doesNotHaveDuplicates().allMatch(n -> n.matches("^[a-z][a-z0-9_]*$"));
        assertThat(names.get(0)).isEqualTo("get_entity_state");
        assertThat(names.subList(0, 5))
                .containsExactly(
                        "get_entity_state",
                        "list_entities_by_domain",
                        "search_entities",
                        "get_domain_summary",
                        "get_entity_history");
        assertThat(ToolRegistry.all().stream().map(ToolDefinition::name).toList())
                .isEqualTo(names);
        assertThat(ToolRegistry.names()).isEqualTo(names);
    }

    @Test
    void everyToolHasADescriptionAndAnObjectSchemaWhoseRequiredPropertiesExist() {
        for (ToolDefinition tool : ToolRegistry.all()) {
            assertThat(tool.description()).as(tool.name()).isNotBlank();
            Map<String, Object> parameters = tool.parameters();
            assertThat(parameters.get("type")).as(tool.name()).isEqualTo("object");
            Map<?, ?> properties = (Map<?, ?>) parameters.get("properties");
            List<Object> required = List.copyOf((List<?>) parameters.get("required"));
            assertThat(List.<Object>copyOf(properties.keySet())).as(tool.name()).containsAll(required);
            properties
                    .values()
                    .forEach(p -> assertThat(((Map<?, ?>) p).get("type"))
                            .as(tool.name())
                            .isNotNull());
        }
        Map<?, ?> seek = (Map<?, ?>)
                ToolRegistry.find("seek_approval").orElseThrow().parameters().get("properties");
        assertThat(List.<Object>copyOf(seek.keySet()).subList(0, 3))
                .containsExactly("action_type", "name", "description");
        assertThat(List.<Object>copyOf((List<?>) ((Map<?, ?>) seek.get("action_type")).get("enum")))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(ProposalType.values())
                        .map(ProposalType::wire)
                        .map(Object.class::cast)
                        .toList());
    }

    @Test
    void lookUpsAnswerForUnknownAndNullNames() {
        assertThat(ToolRegistry.isKnown("seek_approval")).isTrue();
        assertThat(ToolRegistry.isKnown("nope")).isFalse();
        assertThat(ToolRegistry.isKnown(null)).isFalse();
        assertThat(ToolRegistry.find(null)).isEmpty();
        assertThat(ToolRegistry.find("nope")).isEmpty();
        assertThat(ToolRegistry.unknown(Arrays.asList("web_search", "nope", null, "also_not")))
                .containsExactly("nope", null, "also_not");
    }

    private static Set<ProposalType> proposes(String name) {
        return ToolRegistry.find(name).orElseThrow().proposes();
    }
}

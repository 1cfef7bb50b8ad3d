package io.aether.api.workflow;

import io.aether.domain.workflow.query.WorkflowDefinitionList;
import io.aether.domain.workflow.query.WorkflowDefinitionView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Response bodies of the workflow endpoints, field for field the original's. */
public final class WorkflowResponses {
    private WorkflowResponses() {}

    @Schema(name = "WorkflowPresetResponse")
    public record Preset(
            String id,
            String name,
            String description,
            List<String> agents,
            String workflowKey,
            @Schema(nullable = true) String icon) {}

    @Schema(name = "WorkflowPresetsListResponse")
    public record Presets(List<Preset> presets, int total) {
        static Presets all() {
            List<Preset> presets = WorkflowPresets.ALL.stream()
                    .map(p -> new Preset(p.id(), p.name(), p.description(), p.agents(), p.workflowKey(), p.icon()))
                    .toList();
            return new Presets(presets, presets.size());
        }
    }

    @Schema(name = "WorkflowResponse")
    public record Workflow(
            String id,
            String name,
            String description,
            String stateType,
            int version,
            String status,

            @Schema(description = "nodes, edges and conditional_edges as given")
            Map<String, Object> config,

            List<String> intentPatterns,
            @Schema(nullable = true) String createdBy,
            Instant createdAt,
            Instant updatedAt) {

        static Workflow of(WorkflowDefinitionView view) {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("nodes", view.content().nodes());
            config.put("edges", view.content().edges());
            config.put("conditional_edges", view.content().conditionalEdges());
            return new Workflow(
                    view.id().toString(),
                    view.content().name(),
                    view.content().description(),
                    view.content().stateType(),
                    view.version(),
                    view.status(),
                    config,
                    view.content().intentPatterns(),
                    view.createdBy(),
                    view.createdAt(),
                    view.updatedAt());
        }
    }

    @Schema(name = "WorkflowListResponse")
    public record Workflows(List<Workflow> definitions, long total) {
        static Workflows of(WorkflowDefinitionList list) {
            return new Workflows(list.items().stream().map(Workflow::of).toList(), list.total());
        }
    }

    /** DELETE answer: the id and its new status. */
    public record Archived(String id, String status) {}
}

package io.aether.api.workflow;

import io.aether.domain.workflow.WorkflowDefinitionRules;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** Request bodies of the workflow endpoints. */
public final class WorkflowRequests {
    private WorkflowRequests() {}

    /** POST /workflows/definitions (the original's WorkflowCreateRequest). */
    @Schema(name = "WorkflowCreateRequest")
    public record Create(
            @NotBlank @Size(max = WorkflowDefinitionRules.MAX_NAME)
            String name,

            @Size(max = WorkflowDefinitionRules.MAX_DESCRIPTION)
            String description,

            @NotBlank @Size(max = WorkflowDefinitionRules.MAX_STATE_TYPE)
            String stateType,

            @NotEmpty @Size(max = WorkflowDefinitionRules.MAX_NODES)
            List<@NotNull Map<String, Object>> nodes,

            @Size(max = WorkflowDefinitionRules.MAX_EDGES) List<@NotNull Map<String, Object>> edges,

            @Size(max = WorkflowDefinitionRules.MAX_CONDITIONAL_EDGES)
            List<@NotNull Map<String, Object>> conditionalEdges,

            @Size(max = WorkflowDefinitionRules.MAX_INTENT_PATTERNS)
            List<@NotBlank String> intentPatterns) {}
}

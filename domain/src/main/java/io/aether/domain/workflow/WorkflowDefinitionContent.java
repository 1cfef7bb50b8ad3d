package io.aether.domain.workflow;

import java.util.List;
import java.util.Map;

/**
 * What a workflow definition says: a graph of agent steps ({@code nodes}, plain {@code edges} and
 * {@code conditionalEdges}) over a state type, and the phrases that should route a request to it.
 */
public record WorkflowDefinitionContent(
        String name,
        String description,
        String stateType,
        List<Map<String, Object>> nodes,
        List<Map<String, Object>> edges,
        List<Map<String, Object>> conditionalEdges,
        List<String> intentPatterns) {

    public WorkflowDefinitionContent {
        description = description == null ? "" : description;
        edges = edges == null ? List.of() : edges;
        conditionalEdges = conditionalEdges == null ? List.of() : conditionalEdges;
        intentPatterns = intentPatterns == null ? List.of() : intentPatterns;
    }
}

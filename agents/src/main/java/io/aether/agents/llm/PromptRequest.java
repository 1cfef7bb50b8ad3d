package io.aether.agents.llm;

import io.aether.domain.tool.ToolDefinition;
import java.util.List;
import java.util.Objects;

/**
 * What a system prompt is generated from.
 *
 * @param agentName       the agent's name, e.g. architect
 * @param roleDescription what the agent is for (its description)
 * @param tools           the tools it may call
 * @param userInput       optional wishes of the person asking (null or blank: none)
 */
public record PromptRequest(String agentName, String roleDescription, List<ToolDefinition> tools, String userInput) {
    public PromptRequest {
        Objects.requireNonNull(agentName, "agentName");
        roleDescription = roleDescription == null || roleDescription.isBlank() ? null : roleDescription.strip();
        tools = tools == null ? List.of() : List.copyOf(tools);
        userInput = userInput == null || userInput.isBlank() ? null : userInput.strip();
    }
}

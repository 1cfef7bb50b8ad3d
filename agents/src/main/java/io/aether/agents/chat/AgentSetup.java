package io.aether.agents.chat;

import io.aether.agents.llm.ModelSpec;
import io.aether.domain.tool.ToolDefinition;
import java.util.List;
import java.util.Objects;

/**
 * One agent as the runtime runs it, built from its active config and prompt: the model (with
 * temperature and fallback), the system prompt, the tools it may call and the phrases that route
 * an {@code auto} request to it.
 *
 * @param enabled false for a disabled agent (never routed to; a request naming it falls back)
 * @param systemPrompt null: none
 */
public record AgentSetup(
        String name,
        boolean enabled,
        ModelSpec model,
        String systemPrompt,
        List<ToolDefinition> tools,
        List<String> intentPatterns) {

    public AgentSetup {
        Objects.requireNonNull(name, "name");
        tools = tools == null ? List.of() : List.copyOf(tools);
        intentPatterns = intentPatterns == null ? List.of() : List.copyOf(intentPatterns);
    }
}

package io.aether.api.agent;

import io.aether.agents.llm.LlmSettings;
import io.aether.agents.llm.ModelSpec;
import io.aether.api.toolgroup.ToolGroupDirectory;
import io.aether.domain.agent.AgentView;
import io.aether.domain.agent.ConfigContent;
import io.aether.domain.tool.ToolDefinition;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What an agent runs on, read from its active config each time it is asked: the model spec
 * (handed to {@link io.aether.agents.llm.ChatModels}, which builds a model per distinct spec) and
 * its tools. The active config comes from the agent read model, which every node updates as soon
 * as a promotion or rollback event arrives, so a change takes effect on every node within
 * milliseconds, without a restart or a time-based cache.
 */
@Component
public class AgentModels {
    private final LlmSettings settings;
    private final ToolGroupDirectory toolGroups;

    public AgentModels(LlmSettings settings, ToolGroupDirectory toolGroups) {
        this.settings = settings;
        this.toolGroups = toolGroups;
    }

    /** The model of the agent's active config; the configured default model when it has none or names none. */
    public ModelSpec spec(AgentView agent) {
        ConfigContent config = activeConfig(agent);
        return config == null
                ? ModelSpec.defaults(settings)
                : ModelSpec.of(settings, config.modelName(), config.temperature(), config.fallbackModel());
    }

    /** The tools the active config enables, its own and its groups', in the registry's order. */
    public List<ToolDefinition> tools(AgentView agent) {
        ConfigContent config = activeConfig(agent);
        return config == null ? List.of() : toolGroups.resolve(config.toolsEnabled(), config.toolGroupsEnabled());
    }

    private static ConfigContent activeConfig(AgentView agent) {
        return agent.activeConfig() == null ? null : agent.activeConfig().content();
    }
}

package io.aether.api.chat;

import io.aether.agents.chat.AgentDirectory;
import io.aether.agents.chat.AgentRouter;
import io.aether.agents.chat.AgentSetup;
import io.aether.agents.llm.LlmSettings;
import io.aether.agents.llm.ModelSpec;
import io.aether.api.agent.AgentModels;
import io.aether.api.agent.AgentService;
import io.aether.api.toolgroup.ToolGroupDirectory;
import io.aether.domain.agent.AgentStatus;
import io.aether.domain.agent.AgentView;
import io.aether.domain.tool.ToolDefinition;
import io.aether.domain.tool.ToolRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The agents chat can run, read from the agent read model on every call (a promotion or rollback
 * of a config or prompt is the next turn's setup). Each agent runs its active config (model,
 * temperature, fallback model, tools from {@code tools_enabled} and tool groups) and its active
 * prompt. Before the agents are seeded, a built-in architect (the configured default model, the
 * default tool groups of the seed) answers, so a fresh install can chat.
 */
@Component
public class ChatAgents implements AgentDirectory {
    static final int MAX_AGENTS = 500;
    private static final List<String> BUILT_IN_GROUPS = List.of("ha_entity_query", "ha_automation_query", "approval");
    private static final List<String> BUILT_IN_TOOLS = List.of(
            "get_entity_state", "list_entities_by_domain", "search_entities", "list_automations", "seek_approval");
    private static final String BUILT_IN_PROMPT = """
            You are the architect of Aether, the assistant of a home run by Home Assistant. Answer from the
            home's real state (use the tools to read it). You never change anything yourself: when the person
            wants a change, call seek_approval with the change; a person approves it before it is deployed.""";

    private final AgentService agents;
    private final AgentModels models;
    private final LlmSettings settings;
    private final ToolGroupDirectory toolGroups;

    public ChatAgents(AgentService agents, AgentModels models, LlmSettings settings, ToolGroupDirectory toolGroups) {
        this.agents = agents;
        this.models = models;
        this.settings = settings;
        this.toolGroups = toolGroups;
    }

    @Override
    public Optional<AgentSetup> find(String name) {
        return Optional.ofNullable(byName().get(name));
    }

    @Override
    public List<AgentSetup> all() {
        return new ArrayList<>(byName().values());
    }

    /** The registered agents (routable ones take part in {@code auto}) plus the built-in architect when none is registered. */
    Map<String, AgentSetup> byName() {
        Map<String, AgentSetup> byName = new LinkedHashMap<>();
        for (AgentView view : agents.list(MAX_AGENTS, 0, null, false).items()) {
            byName.put(view.name(), setup(view));
        }
        byName.computeIfAbsent(AgentRouter.ARCHITECT, n -> builtInArchitect());
        return byName;
    }

    private AgentSetup setup(AgentView view) {
        String prompt = view.activePrompt() == null
                ? null
                : view.activePrompt().content().promptTemplate();
        List<String> intents = view.profile() == null || !view.profile().routable()
                ? List.of()
                : view.profile().intentPatterns();
        List<ToolDefinition> tools = view.activeConfig() == null && AgentRouter.ARCHITECT.equals(view.name())
                ? builtInTools()
                : models.tools(view);
        return new AgentSetup(
                view.name(),
                view.status() != AgentStatus.DISABLED,
                models.spec(view),
                prompt == null && AgentRouter.ARCHITECT.equals(view.name()) ? BUILT_IN_PROMPT : prompt,
                tools,
                intents);
    }

    private AgentSetup builtInArchitect() {
        return new AgentSetup(
                AgentRouter.ARCHITECT, true, ModelSpec.defaults(settings), BUILT_IN_PROMPT, builtInTools(), List.of());
    }

    private List<ToolDefinition> builtInTools() {
        List<ToolDefinition> tools = new ArrayList<>(toolGroups.resolve(BUILT_IN_TOOLS, BUILT_IN_GROUPS));
        if (tools.isEmpty()) {
            BUILT_IN_TOOLS.forEach(name -> ToolRegistry.find(name).ifPresent(tools::add));
        }
        return tools;
    }
}

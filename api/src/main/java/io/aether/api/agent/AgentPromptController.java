package io.aether.api.agent;

import io.aether.agents.llm.GeneratedPrompt;
import io.aether.agents.llm.PromptGenerator;
import io.aether.agents.llm.PromptRequest;
import io.aether.domain.agent.AgentNotFoundException;
import io.aether.domain.agent.AgentView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /agents/{name}/prompt/generate}: a system prompt for an agent, written by the
 * architect's model as the original did (the architect's active config; the agent's own when
 * there is no architect), or composed from a template when no model is configured.
 * It changes nothing: the owner saves the prompt as a draft if they like it.
 */
@RestController
@Validated
@RequestMapping(path = "/api/v1/agents", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Agents", description = "Agents: status, versioned configs and prompts, promotion, rollback, history")
public class AgentPromptController {
    /** The agent whose model writes prompts, as in the original. */
    static final String PROMPT_WRITER = "architect";

    private final AgentService agents;
    private final AgentModels models;
    private final PromptGenerator generator;

    public AgentPromptController(AgentService agents, AgentModels models, PromptGenerator generator) {
        this.agents = agents;
        this.models = models;
        this.generator = generator;
    }

    /** The original's {@code PromptGenerateRequest}. */
    public record GenerateRequest(@Size(max = 5000) String userInput) {}

    /** The original's {@code PromptGenerateResponse}, plus where the prompt came from: {@code model} or {@code template}. */
    public record GeneratedPromptResponse(String generatedPrompt, String agentName, String agentRole, String source) {
        static GeneratedPromptResponse of(GeneratedPrompt p) {
            return new GeneratedPromptResponse(p.generatedPrompt(), p.agentName(), p.agentRole(), p.source());
        }
    }

    @PostMapping("/{name}/prompt/generate")
    @Operation(summary = "Generate a system prompt for an agent (the architect's model, or a template without one)")
    public GeneratedPromptResponse generate(@PathVariable String name, @Valid @RequestBody GenerateRequest request) {
        AgentView agent = agents.get(name);
        PromptRequest prompt = new PromptRequest(
                agent.name(), agent.profile().description(), models.tools(agent), request.userInput());
        return GeneratedPromptResponse.of(generator.generate(prompt, models.spec(writer(agent))));
    }

    private AgentView writer(AgentView agent) {
        if (agent.name().equals(PROMPT_WRITER)) {
            return agent;
        }
        try {
            return agents.get(PROMPT_WRITER);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof AgentNotFoundException) {
                    return agent;
                }
            }
            throw e;
        }
    }
}

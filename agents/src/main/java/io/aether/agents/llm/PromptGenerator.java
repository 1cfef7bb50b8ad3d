package io.aether.agents.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.aether.domain.tool.ToolDefinition;
import java.util.stream.Collectors;

/**
 * Writes an agent's system prompt. With a model configured it asks the model (the configured
 * default model, or the spec given); with provider {@code none} it composes the prompt from a
 * template of the role, the tools and the person's wishes. A provider failure is an {@link
 * LlmProviderException} (upstream), never anything else.
 */
public class PromptGenerator {
    /** Prompts are stored up to this many characters; a longer answer is cut. */
    public static final int MAX_PROMPT = 50_000;

    static final String INSTRUCTIONS = """
            You write system prompts for the AI agents of Aether, which help people run their Home \
            Assistant home. Write the system prompt for the agent described by the user: its role, how it \
            should work, when to use which of its tools, and how to answer. Every agent must follow this \
            rule, so state it in the prompt: the agent never changes Home Assistant itself; any change \
            to the home (an entity command, an automation, a script, a scene, a dashboard, a helper) is \
            made as a proposal that a person reviews and approves. Answer with the prompt text only.""";

    private final LlmSettings settings;
    private final ChatModels models;

    public PromptGenerator(LlmSettings settings, ChatModels models) {
        this.settings = settings;
        this.models = models;
    }

    /** With the configured default model (at temperature 0.4), or the template when none is configured. */
    public GeneratedPrompt generate(PromptRequest request) {
        return generate(request, ModelSpec.defaults(settings).withTemperature(0.4));
    }

    /** With the given model (e.g. the agent's own), or the template when no model is configured. */
    public GeneratedPrompt generate(PromptRequest request, ModelSpec spec) {
        if (!spec.settings().configured()) {
            return new GeneratedPrompt(
                    template(request), request.agentName(), request.roleDescription(), GeneratedPrompt.TEMPLATE);
        }
        ChatResponse response = models.get(spec)
                .chat(ChatRequest.builder()
                        .messages(SystemMessage.from(INSTRUCTIONS), UserMessage.from(describe(request)))
                        .build());
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null || text.isBlank()) {
            throw new LlmProviderException(
                    "The language model server (" + spec.settings().provider().wire() + ", model " + spec.modelName()
                            + ") answered no text",
                    null);
        }
        String prompt = text.strip();
        if (prompt.length() > MAX_PROMPT) {
            prompt = prompt.substring(0, MAX_PROMPT);
        }
        return new GeneratedPrompt(prompt, request.agentName(), request.roleDescription(), GeneratedPrompt.MODEL);
    }

    /** What the model is told about the agent. */
    static String describe(PromptRequest request) {
        StringBuilder text = new StringBuilder();
        text.append("Agent name: ").append(request.agentName()).append('\n');
        text.append("Role: ")
                .append(request.roleDescription() == null ? "(not described)" : request.roleDescription())
                .append('\n');
        text.append("Tools:\n").append(toolList(request)).append('\n');
        if (request.userInput() != null) {
            text.append("What the owner asks for in this prompt:\n")
                    .append(request.userInput())
                    .append('\n');
        }
        return text.toString();
    }

    /** The prompt composed without a model. */
    public static String template(PromptRequest request) {
        StringBuilder prompt = new StringBuilder();
        prompt.append("You are ").append(request.agentName()).append(", an AI agent of Aether that helps people run ");
        prompt.append("their Home Assistant home.\n\n");
        if (request.roleDescription() != null) {
            prompt.append("Your role: ").append(request.roleDescription()).append("\n\n");
        }
        if (request.tools().isEmpty()) {
            prompt.append("You have no tools: answer from what you know and what you are told.\n\n");
        } else {
            prompt.append("Your tools:\n").append(toolList(request)).append("\n\n");
        }
        prompt.append("Never change Home Assistant yourself. Any change to the home is a proposal that a person ");
        prompt.append("reviews and approves; say so when you make one. Ask when something is unclear, and say ");
        prompt.append("what you do not know.");
        if (request.userInput() != null) {
            prompt.append("\n\nAlso follow these instructions from the owner:\n")
                    .append(request.userInput());
        }
        return prompt.length() > MAX_PROMPT ? prompt.substring(0, MAX_PROMPT) : prompt.toString();
    }

    private static String toolList(PromptRequest request) {
        if (request.tools().isEmpty()) {
            return "- (none)";
        }
        return request.tools().stream().map(PromptGenerator::line).collect(Collectors.joining("\n"));
    }

    private static String line(ToolDefinition tool) {
        return "- " + tool.name() + ": " + tool.description()
                + (tool.createsProposals() ? " (creates a proposal for a person to approve)" : "");
    }
}

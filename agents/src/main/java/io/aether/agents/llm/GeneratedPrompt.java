package io.aether.agents.llm;

/**
 * A generated system prompt (the original's {@code {generated_prompt, agent_name, agent_role}}),
 * and where it came from: {@code "model"} or {@code "template"} (no model configured).
 */
public record GeneratedPrompt(String generatedPrompt, String agentName, String agentRole, String source) {
    public static final String MODEL = "model";
    public static final String TEMPLATE = "template";
}

package io.aether.domain.agent;

/** What a prompt version sets: the system prompt template (1 to 50,000 characters). */
public record PromptContent(String promptTemplate) {
    public static final int MAX_TEMPLATE_LENGTH = 50_000;
}

package io.aether.agents.llm;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which kind of server the agents' chat models talk to ({@code AETHER_LLM_PROVIDER}). */
public enum LlmProvider {
    /** Any OpenAI-compatible server: OpenAI, OpenRouter, vLLM, LM Studio, Ollama's {@code /v1}. */
    OPENAI("https://api.openai.com/v1"),
    /**
     * Ollama, through its OpenAI-compatible endpoint: LangChain4j's own Ollama module does not
     * resolve at the LangChain4j version Aether uses, and the {@code /v1} endpoint speaks the wire
     * format the tests cover.
     */
    OLLAMA("http://localhost:11434/v1"),
    ANTHROPIC(null),
    /** Google AI Gemini (the Gemini API with an API key). */
    GEMINI(null),
    /** No model: prompts are composed from a template, agents that need a model cannot run. */
    NONE(null);

    private final String defaultBaseUrl;

    LlmProvider(String defaultBaseUrl) {
        this.defaultBaseUrl = defaultBaseUrl;
    }

    /** The base URL used when none is configured; null: the client library's own default. */
    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Blank means {@link #NONE}; anything unknown is refused with the allowed values. */
    public static LlmProvider parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(p -> p.wire().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new LlmConfigurationException("AETHER_LLM_PROVIDER '" + value
                        + "' is not supported; use one of: "
                        + Arrays.stream(values()).map(LlmProvider::wire).collect(Collectors.joining(", "))));
    }
}

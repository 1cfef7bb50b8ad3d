package io.aether.agents.llm;

/** The LLM settings cannot work; thrown at start-up so the server refuses to start with the reason. */
public class LlmConfigurationException extends IllegalStateException {
    public LlmConfigurationException(String message) {
        super(message);
    }
}

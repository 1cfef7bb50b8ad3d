package io.aether.agents.llm;

import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.net.http.HttpClient;

/**
 * Builds LangChain4j chat models from a {@link ModelSpec}. Every model talks through the JDK
 * HTTP client with the configured timeouts and never follows redirects (the API key goes only to
 * the configured host). A spec with a fallback model gives a model that tries the fallback when
 * the first one fails. Building calls nothing; the first chat does.
 */
public class ChatModelFactory {

    /** The chat model for this spec; refused for provider {@code none}. */
    public ChatModel create(ModelSpec spec) {
        LlmSettings settings = spec.settings();
        if (!settings.configured()) {
            throw new LlmConfigurationException("No language model is configured (AETHER_LLM_PROVIDER is none)");
        }
        if (spec.modelName() == null) {
            throw new LlmConfigurationException("No model named: set AETHER_LLM_MODEL or the agent's model");
        }
        ChatModel primary = single(settings, spec.modelName(), spec.temperature());
        if (spec.fallbackModel() == null) {
            return primary;
        }
        return new FallbackChatModel(
                primary,
                single(settings, spec.fallbackModel(), spec.temperature()),
                spec.modelName(),
                spec.fallbackModel());
    }

    private static ChatModel single(LlmSettings settings, String model, Double temperature) {
        JdkHttpClientBuilder http = new JdkHttpClientBuilder()
                .httpClientBuilder(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER))
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.requestTimeout());
        ChatModel built = switch (settings.provider()) {
            case OPENAI, OLLAMA ->
                OpenAiChatModel.builder()
                        .httpClientBuilder(http)
                        .baseUrl(settings.effectiveBaseUrl())
                        // local servers (vLLM, Ollama) take any key; the client needs one to send
                        .apiKey(settings.apiKey() != null ? settings.apiKey() : "none")
                        .modelName(model)
                        .temperature(temperature)
                        .timeout(settings.requestTimeout())
                        .maxRetries(settings.maxRetries())
                        .build();
            case ANTHROPIC ->
                AnthropicChatModel.builder()
                        .httpClientBuilder(http)
                        .baseUrl(settings.effectiveBaseUrl())
                        .apiKey(settings.apiKey())
                        .modelName(model)
                        .temperature(temperature)
                        .timeout(settings.requestTimeout())
                        .maxRetries(settings.maxRetries())
                        .build();
            case GEMINI ->
                GoogleAiGeminiChatModel.builder()
                        .httpClientBuilder(http)
                        .baseUrl(settings.effectiveBaseUrl())
                        .apiKey(settings.apiKey())
                        .modelName(model)
                        .temperature(temperature)
                        .timeout(settings.requestTimeout())
                        .maxRetries(settings.maxRetries())
                        .build();
            case NONE -> throw new LlmConfigurationException("No language model is configured");
        };
        return new ProviderErrors(built, settings.provider(), model);
    }
}

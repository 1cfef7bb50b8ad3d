package io.aether.agents.llm;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the language model server: provider, base URL, API key, the default model and the
 * timeouts. {@link #validated()} refuses settings that cannot work, with a message naming the
 * environment variable to fix. The API key never appears in {@link #toString()}.
 *
 * @param baseUrl        blank: the provider's default ({@link LlmProvider#defaultBaseUrl()})
 * @param apiKey         blank: none (fine for local OpenAI-compatible servers and Ollama)
 * @param model          the model used when an agent names none, and for prompt generation
 * @param connectTimeout TCP connect timeout
 * @param requestTimeout timeout of one model call, answer included
 * @param maxRetries     retries of a failed call (429, 5xx, timeouts) before it counts as failed
 */
public record LlmSettings(
        LlmProvider provider,
        String baseUrl,
        String apiKey,
        String model,
        Duration connectTimeout,
        Duration requestTimeout,
        int maxRetries) {

    public LlmSettings {
        Objects.requireNonNull(provider, "provider");
        baseUrl = blankToNull(baseUrl);
        apiKey = blankToNull(apiKey);
        model = blankToNull(model);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(60) : requestTimeout;
    }

    /** No model configured. */
    public static LlmSettings none() {
        return new LlmSettings(LlmProvider.NONE, null, null, null, null, null, 0);
    }

    public boolean configured() {
        return provider != LlmProvider.NONE;
    }

    /** The base URL the client uses; null: the client library's default. */
    public String effectiveBaseUrl() {
        return baseUrl != null ? baseUrl : provider.defaultBaseUrl();
    }

    /** These settings, or the reason they cannot work. */
    public LlmSettings validated() {
        if (!configured()) {
            return this;
        }
        String p = provider.wire();
        if (model == null) {
            throw new LlmConfigurationException("AETHER_LLM_MODEL must name a model when AETHER_LLM_PROVIDER is " + p
                    + " (e.g. gpt-4o-mini," + " llama3.1, claude-sonnet-4-5, gemini-2.5-flash)");
        }
        if ((provider == LlmProvider.ANTHROPIC || provider == LlmProvider.GEMINI) && apiKey == null) {
            throw new LlmConfigurationException("AETHER_LLM_API_KEY is required when AETHER_LLM_PROVIDER is " + p);
        }
        if (provider == LlmProvider.OPENAI && baseUrl == null && apiKey == null) {
            throw new LlmConfigurationException(
                    "AETHER_LLM_API_KEY is required for " + provider.defaultBaseUrl()
                            + "; for a local OpenAI-compatible server set AETHER_LLM_BASE_URL (e.g. http://localhost:11434/v1)");
        }
        if (baseUrl != null) {
            URI uri;
            try {
                uri = URI.create(baseUrl);
            } catch (IllegalArgumentException e) {
                throw new LlmConfigurationException("AETHER_LLM_BASE_URL is not a URL: " + baseUrl);
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new LlmConfigurationException("AETHER_LLM_BASE_URL must be an http or https URL: " + baseUrl);
            }
            if (uri.getUserInfo() != null) {
                throw new LlmConfigurationException(
                        "AETHER_LLM_BASE_URL must not carry credentials; put the key in AETHER_LLM_API_KEY");
            }
        }
        if (connectTimeout.isNegative()
                || connectTimeout.isZero()
                || requestTimeout.isNegative()
                || requestTimeout.isZero()) {
            throw new LlmConfigurationException(
                    "AETHER_LLM_CONNECT_TIMEOUT and AETHER_LLM_REQUEST_TIMEOUT must be positive");
        }
        if (maxRetries < 0 || maxRetries > 10) {
            throw new LlmConfigurationException("AETHER_LLM_MAX_RETRIES must be between 0 and 10");
        }
        return this;
    }

    @Override
    public String toString() {
        return "LlmSettings[provider=" + provider.wire() + ", baseUrl=" + effectiveBaseUrl() + ", apiKey="
                + (apiKey == null ? "<unset>" : "<redacted>") + ", model=" + model + ", connectTimeout="
                + connectTimeout + ", requestTimeout=" + requestTimeout + ", maxRetries=" + maxRetries + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

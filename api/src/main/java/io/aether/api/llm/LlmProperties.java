package io.aether.api.llm;

import io.aether.agents.llm.LlmProvider;
import io.aether.agents.llm.LlmSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The language model connection (application.yml maps each to an AETHER_LLM_* environment
 * variable; docs/configuration.md). The API key is never logged or returned.
 */
@ConfigurationProperties("aether.llm")
public record LlmProperties(
        @DefaultValue("none") String provider,
        String baseUrl,
        String apiKey,
        String model,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("60s") Duration requestTimeout,
        @DefaultValue("1") int maxRetries) {

    /** The agents module's settings; refuses settings that cannot work, naming the variable to fix. */
    public LlmSettings settings() {
        return new LlmSettings(
                        LlmProvider.parse(provider), baseUrl, apiKey, model, connectTimeout, requestTimeout, maxRetries)
                .validated();
    }

    @Override
    public String toString() {
        return "LlmProperties[provider=" + provider + ", baseUrl=" + baseUrl + ", apiKey="
                + (apiKey == null || apiKey.isBlank() ? "<unset>" : "<redacted>") + ", model=" + model + "]";
    }
}

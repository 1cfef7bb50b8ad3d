package io.aether.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LlmSettingsTest {

    @Test
    void providersParseCaseInsensitivelyAndBlankIsNone() {
        assertThat(LlmProvider.parse("OpenAI")).isEqualTo(LlmProvider.OPENAI);
        assertThat(LlmProvider.parse(" ollama ")).isEqualTo(LlmProvider.OLLAMA);
        assertThat(LlmProvider.parse("")).isEqualTo(LlmProvider.NONE);
        assertThat(LlmProvider.parse(null)).isEqualTo(LlmProvider.NONE);
        assertThatThrownBy(() -> LlmProvider.parse("azure"))
                .isInstanceOf(LlmConfigurationException.class)
                .hasMessageContaining("AETHER_LLM_PROVIDER 'azure'")
                .hasMessageContaining("openai, ollama, anthropic, gemini, none");
    }

    @Test
    void settingsThatCannotWorkAreRefusedWithTheVariableToFix() {
        assertRefused(settings(LlmProvider.OPENAI, "http://localhost:8000/v1", null, null), "AETHER_LLM_MODEL");
        assertRefused(settings(LlmProvider.OPENAI, null, null, "gpt"), "AETHER_LLM_API_KEY");
        assertRefused(settings(LlmProvider.ANTHROPIC, null, null, "claude"), "AETHER_LLM_API_KEY");
        assertRefused(settings(LlmProvider.GEMINI, null, " ", "gemini"), "AETHER_LLM_API_KEY");
        assertRefused(settings(LlmProvider.OPENAI, "ftp://host/v1", "k", "gpt"), "http or https");
        assertRefused(settings(LlmProvider.OPENAI, "http://user:pw@host/v1", "k", "gpt"), "credentials");
        assertRefused(
                new LlmSettings(LlmProvider.OPENAI, "http://h/v1", null, "m", Duration.ZERO, null, 0),
                "AETHER_LLM_CONNECT_TIMEOUT");
        assertRefused(
                new LlmSettings(LlmProvider.OPENAI, "http://h/v1", null, "m", null, null, -1),
                "AETHER_LLM_MAX_RETRIES");
    }

    @Test
    void workingSettingsPassAndNoneNeedsNothing() {
        assertThat(settings(LlmProvider.OPENAI, "http://localhost:11434/v1", null, "llama3.1")
                        .validated())
                .isNotNull();
        assertThat(settings(LlmProvider.OLLAMA, null, null, "llama3.1")
                        .validated()
                        .effectiveBaseUrl())
                .isEqualTo("http://localhost:11434/v1");
        assertThat(settings(LlmProvider.OPENAI, null, "k", "gpt").effectiveBaseUrl())
                .isEqualTo("https://api.openai.com/v1");
        assertThat(LlmSettings.none().validated().configured()).isFalse();
        assertThat(settings(LlmProvider.NONE, null, null, null).validated().configured())
                .isFalse();
    }

    @Test
    void theKeyIsNeverInTheTextOfSettingsOrSpecs() {
        LlmSettings settings = settings(LlmProvider.OPENAI, null, "sk-very-secret", "gpt");
        assertThat(settings.toString()).doesNotContain("sk-very-secret").contains("<redacted>");
        assertThat(ModelSpec.of(settings, "gpt", 0.5, "mini").toString()).doesNotContain("sk-very-secret");
    }

    @Test
    void specsAreEqualByContentAndCheckTheTemperature() {
        LlmSettings settings = settings(LlmProvider.OPENAI, null, "k", "gpt");
        assertThat(ModelSpec.of(settings, "gpt", 0.5, null)).isEqualTo(ModelSpec.of(settings, " gpt ", 0.5, ""));
        assertThat(ModelSpec.of(settings, null, null, null)).isEqualTo(ModelSpec.defaults(settings));
        assertThat(ModelSpec.of(settings, "gpt", null, "gpt").fallbackModel()).isNull();
        assertThat(ModelSpec.of(settings, "gpt", 0.5, null)).isNotEqualTo(ModelSpec.of(settings, "gpt", 0.6, null));
        assertThatThrownBy(() -> ModelSpec.of(settings, "gpt", 2.5, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModelSpec.of(settings, "gpt", -0.1, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static LlmSettings settings(LlmProvider provider, String baseUrl, String key, String model) {
        return new LlmSettings(provider, baseUrl, key, model, null, null, 0);
    }

    private static void assertRefused(LlmSettings settings, String text) {
        assertThatThrownBy(settings::validated)
                .isInstanceOf(LlmConfigurationException.class)
                .hasMessageContaining(text);
    }
}

package io.aether.api.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.aether.agents.llm.ChatModels;
import io.aether.agents.llm.GeneratedPrompt;
import io.aether.agents.llm.LlmSettings;
import io.aether.agents.llm.PromptGenerator;
import io.aether.agents.llm.PromptRequest;
import io.aether.agents.testing.ChatCompletionsServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The AETHER_LLM_* settings as the server reads them: refused at start when they cannot work. */
class LlmConfigurationTest {
    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(Properties.class, LlmConfiguration.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({LlmProperties.class, ModelPriceProperties.class})
    static class Properties {}

    @Test
    void byDefaultThereIsNoModelAndPromptsComeFromTheTemplate() {
        context.run(app -> {
            assertThat(app).hasNotFailed();
            assertThat(app.getBean(LlmSettings.class).configured()).isFalse();
            GeneratedPrompt prompt = app.getBean(PromptGenerator.class)
                    .generate(new PromptRequest("architect", "Designs automations", List.of(), null));
            assertThat(prompt.source()).isEqualTo("template");
        });
    }

    @Test
    void settingsThatCannotWorkStopTheStartWithTheReason() {
        context.withPropertyValues("aether.llm.provider=anthropic")
                .run(app -> assertThat(app).getFailure().rootCause().hasMessageContaining("AETHER_LLM_MODEL"));
        context.withPropertyValues("aether.llm.provider=anthropic", "aether.llm.model=claude")
                .run(app -> assertThat(app).getFailure().rootCause().hasMessageContaining("AETHER_LLM_API_KEY"));
        context.withPropertyValues("aether.llm.provider=watson")
                .run(app -> assertThat(app)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("AETHER_LLM_PROVIDER 'watson' is not supported"));
    }

    @Test
    void anOpenAiCompatibleServerWritesThePromptAndTheKeyStaysOutOfTheSettingsText() {
        try (ChatCompletionsServer llm = ChatCompletionsServer.start()) {
            llm.answer("You are the architect.");
            context.withPropertyValues(
                            "aether.llm.provider=openai",
                            "aether.llm.base-url=" + llm.baseUrl(),
                            "aether.llm.api-key=sk-config-secret",
                            "aether.llm.model=local-model",
                            "aether.llm.max-retries=0")
                    .run(app -> {
                        GeneratedPrompt prompt = app.getBean(PromptGenerator.class)
                                .generate(new PromptRequest("architect", "Designs automations", List.of(), "Be brief"));
                        assertThat(prompt.source()).isEqualTo("model");
                        assertThat(prompt.generatedPrompt()).isEqualTo("You are the architect.");
                        assertThat(llm.lastRequest().body().get("model").asText())
                                .isEqualTo("local-model");
                        assertThat(llm.lastRequest().headers().get("authorization"))
                                .isEqualTo("Bearer sk-config-secret");
                        assertThat(app.getBean(LlmSettings.class).toString()).doesNotContain("sk-config-secret");
                        assertThat(app.getBean(LlmProperties.class).toString()).doesNotContain("sk-config-secret");
                        assertThat(app.getBean(ChatModels.class).size()).isEqualTo(1);
                    });
        }
    }
}

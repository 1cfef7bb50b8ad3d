package io.aether.api.llm;

import io.aether.agents.llm.ChatModelFactory;
import io.aether.agents.llm.ChatModels;
import io.aether.agents.llm.LlmSettings;
import io.aether.agents.llm.ModelPrices;
import io.aether.agents.llm.PromptGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the agents module's LLM connection: the settings (checked at start-up: settings that
 * cannot work stop the server with the reason), the chat model cache, the prompt generator and
 * the operator's price table for model calls.
 */
@Configuration(proxyBeanMethods = false)
public class LlmConfiguration {
    private static final Logger log = LoggerFactory.getLogger(LlmConfiguration.class);

    @Bean
    LlmSettings llmSettings(LlmProperties properties) {
        LlmSettings settings = properties.settings();
        if (settings.configured()) {
            log.info(
                    "Language model: {} at {}, model {}",
                    settings.provider().wire(),
                    settings.effectiveBaseUrl() == null ? "the provider's default URL" : settings.effectiveBaseUrl(),
                    settings.model());
        } else {
            log.info("No language model configured (AETHER_LLM_PROVIDER=none): prompts come from templates");
        }
        return settings;
    }

    @Bean
    ChatModels chatModels() {
        return new ChatModels(new ChatModelFactory());
    }

    @Bean
    PromptGenerator promptGenerator(LlmSettings settings, ChatModels models) {
        return new PromptGenerator(settings, models);
    }

    @Bean
    ModelPrices modelPrices(ModelPriceProperties properties) {
        return new ConfiguredModelPrices(properties);
    }
}

package io.aether.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.chat.ChatModel;
import io.aether.agents.testing.ChatCompletionsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChatModelsTest {
    private final ChatCompletionsServer server = ChatCompletionsServer.start();
    private final ChatModels models = new ChatModels(new ChatModelFactory());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theSameSpecContentGivesTheSameModel() {
        LlmSettings settings = LlmTestSettings.openAi(server);
        ChatModel first = models.get(ModelSpec.of(settings, "gpt-a", 0.2, "gpt-b"));
        ChatModel again = models.get(ModelSpec.of(settings, "gpt-a", 0.2, "gpt-b"));
        assertThat(again).isSameAs(first);
        assertThat(models.size()).isEqualTo(1);
    }

    @Test
    void aChangedConfigGivesANewModelAtTheNextLookup() {
        LlmSettings settings = LlmTestSettings.openAi(server);
        server.answer("v1").answer("v2").answer("v3");
        ChatModel v1 = models.get(ModelSpec.of(settings, "gpt-a", 0.2, null));
        assertThat(v1.chat("hi")).isEqualTo("v1");

        // a promotion changed the temperature: the next lookup builds a model with it, no waiting
        ChatModel v2 = models.get(ModelSpec.of(settings, "gpt-a", 0.9, null));
        assertThat(v2).isNotSameAs(v1);
        assertThat(v2.chat("hi")).isEqualTo("v2");
        assertThat(server.lastRequest().body().get("temperature").asDouble()).isEqualTo(0.9);

        // and then the model
        ChatModel v3 = models.get(ModelSpec.of(settings, "gpt-b", 0.9, null));
        assertThat(v3.chat("hi")).isEqualTo("v3");
        assertThat(server.lastRequest().body().get("model").asText()).isEqualTo("gpt-b");
        assertThat(models.size()).isEqualTo(3);
    }

    @Test
    void onlyTheMostRecentlyUsedModelsAreKept() {
        LlmSettings settings = LlmTestSettings.openAi(server);
        ChatModel kept = models.get(ModelSpec.of(settings, "kept", null, null));
        for (int i = 0; i < ChatModels.MAX_MODELS + 10; i++) {
            models.get(ModelSpec.of(settings, "model-" + i, null, null));
            models.get(ModelSpec.of(settings, "kept", null, null));
        }
        assertThat(models.size()).isEqualTo(ChatModels.MAX_MODELS);
        assertThat(models.get(ModelSpec.of(settings, "kept", null, null))).isSameAs(kept);
    }
}

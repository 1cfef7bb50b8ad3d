package io.aether.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.aether.agents.testing.ChatCompletionsServer;
import io.aether.domain.ErrorKind;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real LangChain4j OpenAI-compatible client against a scripted local server. */
class ChatModelFactoryTest {
    private final ChatCompletionsServer server = ChatCompletionsServer.start();
    private final ChatModelFactory factory = new ChatModelFactory();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sendsTheModelTemperatureMessagesAndKeyAndReadsTheAnswer() {
        server.answer("Hi there");
        ChatModel model = factory.create(ModelSpec.of(LlmTestSettings.openAi(server), "gpt-4o-mini", 0.3, null));

        ChatResponse response = model.chat(ChatRequest.builder()
                .messages(SystemMessage.from("be brief"), UserMessage.from("hello"))
                .build());

        assertThat(response.aiMessage().text()).isEqualTo("Hi there");
        ChatCompletionsServer.Request request = server.lastRequest();
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.body().get("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(request.body().get("temperature").asDouble()).isEqualTo(0.3);
        assertThat(request.messageRoles()).containsExactly("system", "user");
        assertThat(request.messageContents()).containsExactly("be brief", "hello");
        assertThat(request.headers().get("authorization")).isEqualTo("Bearer " + LlmTestSettings.KEY);
    }

    @Test
    void withoutAModelNameTheConfiguredModelIsUsed() {
        server.answer("ok");
        factory.create(ModelSpec.defaults(LlmTestSettings.openAi(server))).chat("ping");
        assertThat(server.lastRequest().body().get("model").asText()).isEqualTo("gpt-test");
        assertThat(server.lastRequest().body().has("temperature")).isFalse();
    }

    @Test
    void ollamaIsReachedThroughItsOpenAiCompatibleEndpointWithoutAKey() {
        server.answer("from ollama");
        LlmSettings ollama = new LlmSettings(
                        LlmProvider.OLLAMA, server.baseUrl(), null, "llama3.1", null, Duration.ofSeconds(5), 0)
                .validated();
        assertThat(factory.create(ModelSpec.defaults(ollama)).chat("hi")).isEqualTo("from ollama");
        assertThat(server.lastRequest().body().get("model").asText()).isEqualTo("llama3.1");
    }

    @Test
    void theFallbackModelAnswersWhenTheModelFails() {
        server.fail(503, "overloaded").answer("from the fallback");
        ChatModel model = factory.create(ModelSpec.of(LlmTestSettings.openAi(server), "big-model", 0.7, "small-model"));

        assertThat(model.chat("hello")).isEqualTo("from the fallback");
        assertThat(server.requests().stream().map(r -> r.body().get("model").asText()))
                .containsExactly("big-model", "small-model");
        assertThat(server.lastRequest().body().get("temperature").asDouble()).isEqualTo(0.7);
    }

    @Test
    void whenTheFallbackFailsTooItIsAnUpstreamError() {
        server.fail(500, "down").fail(500, "down too");
        ChatModel model = factory.create(ModelSpec.of(LlmTestSettings.openAi(server), "a", null, "b"));
        assertThatThrownBy(() -> model.chat("hello"))
                .isInstanceOf(LlmProviderException.class)
                .hasMessageContaining("model b")
                .hasMessageContaining("HTTP 500");
    }

    @Test
    void providerErrorsAreUpstreamErrorsThatNeverNameTheKey() {
        ChatModel model = factory.create(ModelSpec.defaults(LlmTestSettings.openAi(server)));
        for (int status : new int[] {400, 401, 404, 429, 500, 502}) {
            server.fail(status, "refused, key " + LlmTestSettings.KEY);
            assertThatThrownBy(() -> model.chat("hello"))
                    .as("HTTP %d", status)
                    .isInstanceOfSatisfying(LlmProviderException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM);
                        assertThat(e.errorType()).isEqualTo("llm_error");
                        assertThat(e.getMessage()).contains("HTTP " + status).doesNotContain(LlmTestSettings.KEY);
                    });
        }
    }

    @Test
    void aSlowAnswerIsATimeout() {
        server.slowAnswer(Duration.ofSeconds(30), "too late");
        ChatModel model = factory.create(ModelSpec.defaults(LlmTestSettings.openAi(server, Duration.ofMillis(300))));
        assertThatThrownBy(() -> model.chat("hello"))
                .isInstanceOf(LlmProviderException.class)
                .hasMessageContaining("did not answer in time");
    }

    @Test
    void anUnreachableServerIsAnUpstreamError() {
        String url = server.baseUrl();
        server.close();
        LlmSettings gone = new LlmSettings(
                        LlmProvider.OPENAI,
                        url,
                        LlmTestSettings.KEY,
                        "gpt-test",
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(2),
                        0)
                .validated();
        assertThatThrownBy(() -> factory.create(ModelSpec.defaults(gone)).chat("hello"))
                .isInstanceOfSatisfying(
                        LlmProviderException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM))
                .hasMessageContaining("could not be reached")
                .message()
                .doesNotContain(LlmTestSettings.KEY);
    }

    @Test
    void anthropicAndGeminiModelsAreBuiltWithoutCallingAnything() {
        LlmSettings anthropic = new LlmSettings(LlmProvider.ANTHROPIC, null, "key", "claude-test", null, null, 0);
        assertThat(factory.create(ModelSpec.defaults(anthropic.validated())).toString())
                .contains("anthropic", "claude-test");
        LlmSettings gemini = new LlmSettings(LlmProvider.GEMINI, null, "key", "gemini-test", null, null, 0);
        assertThat(factory.create(ModelSpec.defaults(gemini.validated())).toString())
                .contains("gemini", "gemini-test");
        assertThat(AnthropicChatModel.class).isNotNull();
    }

    @Test
    void noProviderNoModel() {
        assertThatThrownBy(() -> factory.create(ModelSpec.defaults(LlmSettings.none())))
                .isInstanceOf(LlmConfigurationException.class);
    }
}

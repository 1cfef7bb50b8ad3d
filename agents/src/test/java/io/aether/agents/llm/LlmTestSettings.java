package io.aether.agents.llm;

import io.aether.agents.testing.ChatCompletionsServer;
import java.time.Duration;

/** Settings pointing the real OpenAI-compatible client at a local {@link ChatCompletionsServer}. */
final class LlmTestSettings {
    static final String KEY = "sk-test-0123456789-secret";

    private LlmTestSettings() {}

    static LlmSettings openAi(ChatCompletionsServer server) {
        return openAi(server, Duration.ofSeconds(10));
    }

    static LlmSettings openAi(ChatCompletionsServer server, Duration requestTimeout) {
        return new LlmSettings(
                        LlmProvider.OPENAI, server.baseUrl(), KEY, "gpt-test", Duration.ofSeconds(2), requestTimeout, 0)
                .validated();
    }
}

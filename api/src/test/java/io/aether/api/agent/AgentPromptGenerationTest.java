package io.aether.api.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.agents.testing.ChatCompletionsServer;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import io.aether.api.support.OwnServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /agents/{name}/prompt/generate}: a template without a language model; with one, the
 * real LangChain4j OpenAI client asks a local server speaking the chat-completions wire format, on
 * the model of the architect's active config, and a promotion or rollback of that config is the
 * model of the very next call.
 */
class AgentPromptGenerationTest extends IntegrationTest {
    private static final String PASSWORD = "prompt generation password";

    @Test
    void withoutAModelThePromptIsComposedFromATemplateAndNothingIsStored() {
        assertThat(http.post("/api/v1/agents/seed", "").status()).isIn(201);
        long events = eventCount();

        Http.Response answer = http.post(
                "/api/v1/agents/energy_analyst/prompt/generate", Map.of("user_input", "Mention solar panels"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.get("source").asText()).isEqualTo("template");
        assertThat(body.get("agent_name").asText()).isEqualTo("energy_analyst");
        assertThat(body.get("agent_role").asText()).isNotBlank();
        assertThat(body.get("generated_prompt").asText())
                .contains("energy_analyst")
                .contains("Mention solar panels")
                .contains("get_entity_state");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void badInputIsRefusedInTheEnvelope() {
        http.post("/api/v1/agents/seed", "");
        long events = eventCount();

        assertThat(http.post("/api/v1/agents/no_such_agent/prompt/generate", "{}")
                        .status())
                .isEqualTo(404);
        Http.Response tooLong =
                http.post("/api/v1/agents/architect/prompt/generate", Map.of("user_input", "x".repeat(5001)));
        assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(422);
        assertThat(tooLong.json().get("error").get("type").asText()).isEqualTo("validation_error");
        assertThat(http.post("/api/v1/agents/architect/prompt/generate", "{\"user_input\": 5")
                        .status())
                .isEqualTo(400);
        assertThat(http.post("/api/v1/agents/architect/prompt/generate", "{\"user_input\": [1]}")
                        .status())
                .isEqualTo(400);
        assertThat(anonymous
                        .post("/api/v1/agents/architect/prompt/generate", "{}")
                        .status())
                .isEqualTo(401);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void theArchitectsActiveModelWritesThePromptAndAPromotionTakesEffectAtOnce(@TempDir Path dataDir) {
        try (ChatCompletionsServer llm = ChatCompletionsServer.start();
                OwnServer server = OwnServer.start(
                        dataDir,
                        HA.baseUrl(),
                        HA_TOKEN,
                        "--aether.auth.password=" + PASSWORD,
                        "--aether.llm.provider=openai",
                        "--aether.llm.base-url=" + llm.baseUrl(),
                        "--aether.llm.api-key=sk-local-test",
                        "--aether.llm.model=default-model",
                        "--aether.llm.max-retries=0")) {
            Http owner = server.http().signIn("admin", PASSWORD);
            assertThat(owner.post("/api/v1/agents/seed", "").status()).isEqualTo(201);

            llm.answer("You are the energy analyst of this home.");
            Http.Response first = owner.post(
                    "/api/v1/agents/energy_analyst/prompt/generate", Map.of("user_input", "Mention solar panels"));
            assertThat(first.status()).as(first.body()).isEqualTo(200);
            assertThat(first.json().get("source").asText()).isEqualTo("model");
            assertThat(first.json().get("generated_prompt").asText())
                    .isEqualTo("You are the energy analyst of this home.");
            ChatCompletionsServer.Request asked = llm.lastRequest();
            assertThat(asked.body().get("model").asText()).isEqualTo(AgentSeed.DEFAULT_MODEL);
            assertThat(asked.headers().get("authorization")).isEqualTo("Bearer sk-local-test");
            assertThat(String.join("\n", asked.messageContents()))
                    .contains("energy_analyst")
                    .contains("Mention solar panels");

            Http.Response switched =
                    new AgentApi(owner).patch("/api/v1/agents/architect/model", "{\"model_name\": \"local-model-b\"}");
            assertThat(switched.status()).as(switched.body()).isEqualTo(200);
            llm.answer("Second prompt.");
            assertThat(owner.post("/api/v1/agents/energy_analyst/prompt/generate", "{}")
                            .status())
                    .isEqualTo(200);
            assertThat(llm.lastRequest().body().get("model").asText()).isEqualTo("local-model-b");

            Http.Response rolledBack = owner.post("/api/v1/agents/architect/config/rollback", "{}");
            assertThat(rolledBack.status()).as(rolledBack.body()).isEqualTo(200);
            llm.answer("Third prompt.");
            assertThat(owner.post("/api/v1/agents/energy_analyst/prompt/generate", "{}")
                            .status())
                    .isEqualTo(200);
            assertThat(llm.lastRequest().body().get("model").asText()).isEqualTo(AgentSeed.DEFAULT_MODEL);

            llm.fail(503, "overloaded");
            Http.Response failed = owner.post("/api/v1/agents/energy_analyst/prompt/generate", "{}");
            assertThat(failed.status()).as(failed.body()).isEqualTo(502);
            assertThat(failed.json().get("error").get("type").asText()).isEqualTo("llm_error");
            assertThat(failed.body()).doesNotContain("sk-local-test");
        }
    }
}

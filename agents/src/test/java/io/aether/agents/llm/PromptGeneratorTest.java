package io.aether.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aether.agents.testing.ChatCompletionsServer;
import io.aether.domain.ErrorKind;
import io.aether.domain.tool.ToolDefinition;
import io.aether.domain.tool.ToolRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PromptGeneratorTest {
    private static final List<ToolDefinition> TOOLS = List.of(
            ToolRegistry.find("get_entity_state").orElseThrow(),
            ToolRegistry.find("seek_approval").orElseThrow());
    private static final PromptRequest ARCHITECT =
            new PromptRequest("architect", "Designs automations with the owner", TOOLS, "Always answer in French.");

    private final ChatCompletionsServer server = ChatCompletionsServer.start();
    private final ChatModels models = new ChatModels(new ChatModelFactory());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void withoutAModelThePromptComesFromTheTemplate() {
        GeneratedPrompt prompt = new PromptGenerator(LlmSettings.none(), models).generate(ARCHITECT);

        assertThat(prompt.source()).isEqualTo("template");
        assertThat(prompt.agentName()).isEqualTo("architect");
        assertThat(prompt.agentRole()).isEqualTo("Designs automations with the owner");
        assertThat(prompt.generatedPrompt())
                .contains("You are architect")
                .contains("Your role: Designs automations with the owner")
                .contains("- get_entity_state: ")
                .contains("- seek_approval: ")
                .contains("creates a proposal for a person to approve")
                .contains("Never change Home Assistant yourself")
                .endsWith("Always answer in French.");
        assertThat(server.requests()).isEmpty();
        assertThat(models.size()).isZero();
    }

    @Test
    void theTemplateCopesWithNoRoleNoToolsAndNoInput() {
        GeneratedPrompt prompt = new PromptGenerator(LlmSettings.none(), models)
                .generate(new PromptRequest("librarian", " ", List.of(), null));
        assertThat(prompt.generatedPrompt()).contains("You are librarian").contains("You have no tools");
        assertThat(prompt.generatedPrompt()).doesNotContain("Your role").doesNotContain("instructions from the owner");
        assertThat(prompt.agentRole()).isNull();
    }

    @Test
    void withAModelThePromptIsTheModelsAnswer() {
        server.answer("  You are the architect. Propose, never act.  ");
        PromptGenerator generator = new PromptGenerator(LlmTestSettings.openAi(server), models);

        GeneratedPrompt prompt = generator.generate(ARCHITECT);

        assertThat(prompt.source()).isEqualTo("model");
        assertThat(prompt.generatedPrompt()).isEqualTo("You are the architect. Propose, never act.");
        ChatCompletionsServer.Request request = server.lastRequest();
        assertThat(request.body().get("model").asText()).isEqualTo("gpt-test");
        assertThat(request.body().get("temperature").asDouble()).isEqualTo(0.4);
        assertThat(request.messageRoles()).containsExactly("system", "user");
        assertThat(request.messageContents().get(0)).contains("never changes Home Assistant itself");
        assertThat(request.messageContents().get(1))
                .contains("Agent name: architect")
                .contains("Role: Designs automations with the owner")
                .contains("- get_entity_state: ")
                .contains("- seek_approval: ")
                .contains("Always answer in French.");
    }

    @Test
    void theAgentsOwnModelCanWriteIt() {
        server.answer("prompt");
        LlmSettings settings = LlmTestSettings.openAi(server);
        new PromptGenerator(settings, models).generate(ARCHITECT, ModelSpec.of(settings, "agent-model", 1.1, null));
        assertThat(server.lastRequest().body().get("model").asText()).isEqualTo("agent-model");
        assertThat(server.lastRequest().body().get("temperature").asDouble()).isEqualTo(1.1);
    }

    @Test
    void providerErrorsTimeoutsAndEmptyAnswersAreUpstreamErrors() {
        PromptGenerator generator = new PromptGenerator(LlmTestSettings.openAi(server), models);
        server.fail(500, "boom");
        assertUpstream(() -> generator.generate(ARCHITECT), "HTTP 500");
        server.fail(401, "bad key");
        assertUpstream(() -> generator.generate(ARCHITECT), "HTTP 401");
        server.answer("   ");
        assertUpstream(() -> generator.generate(ARCHITECT), "answered no text");

        server.slowAnswer(Duration.ofSeconds(30), "late");
        PromptGenerator impatient = new PromptGenerator(LlmTestSettings.openAi(server, Duration.ofMillis(300)), models);
        assertUpstream(() -> impatient.generate(ARCHITECT), "did not answer in time");
    }

    private static void assertUpstream(Runnable call, String text) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        LlmProviderException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM))
                .hasMessageContaining(text)
                .message()
                .doesNotContain(LlmTestSettings.KEY);
    }
}

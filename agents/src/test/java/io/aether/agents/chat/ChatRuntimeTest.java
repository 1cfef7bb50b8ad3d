package io.aether.agents.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.UserMessage;
import io.aether.agents.llm.ChatModelFactory;
import io.aether.agents.llm.LlmProvider;
import io.aether.agents.llm.LlmProviderException;
import io.aether.agents.llm.LlmSettings;
import io.aether.agents.llm.ModelSpec;
import io.aether.agents.testing.ChatCompletionsServer;
import io.aether.domain.actor.Actor;
import io.aether.domain.conversation.RecordTurn;
import io.aether.domain.tool.ToolRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The runtime drives the real LangChain4j OpenAI client against a local server speaking the
 * chat-completions wire format: routing, the tool loop with seek_approval, timeouts, the
 * iteration cap and provider failures, each recorded for the conversation.
 */
class ChatRuntimeTest {
    private ChatCompletionsServer llm;
    private ChatRuntime runtime;
    private final List<String> toolsCalled = new CopyOnWriteArrayList<>();
    private final List<UUID> proposals = new CopyOnWriteArrayList<>();
    private Map<String, AgentSetup> agents;

    @BeforeEach
    void setUp() {
        llm = ChatCompletionsServer.start();
        LlmSettings settings = new LlmSettings(
                        LlmProvider.OPENAI,
                        llm.baseUrl(),
                        "sk-test",
                        "gpt-test",
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(5),
                        0)
                .validated();
        agents = Map.of(
                "architect",
                new AgentSetup(
                        "architect",
                        true,
                        ModelSpec.of(settings, "architect-model", 0.7, null),
                        "You are the architect.",
                        List.of(
                                ToolRegistry.find("seek_approval").orElseThrow(),
                                ToolRegistry.find("get_entity_state").orElseThrow(),
                                ToolRegistry.find("render_template").orElseThrow()),
                        List.of("automate", "when")),
                "energy_analyst",
                new AgentSetup(
                        "energy_analyst",
                        true,
                        ModelSpec.of(settings, "energy-model", 0.3, null),
                        "You study energy.",
                        List.of(),
                        List.of("energy", "power consumption")),
                "food",
                new AgentSetup("food", false, ModelSpec.defaults(settings), null, List.of(), List.of("recipe")));
        AgentDirectory directory = new AgentDirectory() {
            @Override
            public Optional<AgentSetup> find(String name) {
                return Optional.ofNullable(agents.get(name));
            }

            @Override
            public List<AgentSetup> all() {
                return new ArrayList<>(agents.values());
            }
        };
        ChatModelFactory factory = new ChatModelFactory();
        ModelSource models = new ModelSource() {
            @Override
            public dev.langchain4j.model.chat.ChatModel model(AgentSetup agent) {
                return factory.create(agent.model());
            }

            @Override
            public String provider() {
                return "openai";
            }

            @Override
            public String modelName(AgentSetup agent) {
                return agent.model().modelName();
            }
        };
        ChatTools tools = new ChatTools() {
            @Override
            public boolean supports(String toolName) {
                return !"render_template".equals(toolName);
            }

            @Override
            public ToolResult call(String toolName, JsonNode arguments, Context context) {
                toolsCalled.add(toolName);
                if ("get_entity_state".equals(toolName)) {
                    if ("sensor.slow".equals(arguments.path("entity_id").asText())) {
                        try {
                            Thread.sleep(5_000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return ToolResult.of("{\"entity_id\":\"light.hall\",\"state\":\"on\"}");
                }
                UUID id = UUID.randomUUID();
                proposals.add(id);
                return ToolResult.proposal("{\"proposal_id\":\"" + id + "\",\"status\":\"proposed\"}", id);
            }
        };
        runtime = new ChatRuntime(
                directory, models, tools, (p, m, in, out) -> Optional.of(new BigDecimal("0.01")), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        runtime.close();
        llm.close();
    }

    private static Turn turn(String agent, String text, int maxIterations) {
        return new Turn(
                UUID.randomUUID(),
                "trace-" + UUID.randomUUID(),
                agent,
                List.of(UserMessage.from(text)),
                Duration.ofMillis(500),
                maxIterations,
                Actor.user("admin"));
    }

    @Test
    void aToolCallOfSeekApprovalCreatesAProposalAndTheModelAnswersWithItsResult() {
        llm.answerToolCall(
                        "seek_approval",
                        "{\"action_type\":\"entity_command\",\"name\":\"Hall off\",\"description\":\"d\","
                                + "\"entity_id\":\"light.hall\",\"service_domain\":\"light\",\"service_action\":\"turn_off\"}")
                .answer("I proposed it.");
        List<String> events = new CopyOnWriteArrayList<>();
        TurnResult result = runtime.run(turn("auto", "turn off the hall light", 10), new TurnListener() {
            @Override
            public void routed(RecordTurn.Routing routing) {
                events.add("routed:" + routing.agent());
            }

            @Override
            public void toolCalling(String agent, String toolName) {
                events.add("calling:" + toolName);
            }

            @Override
            public void proposalCreated(UUID proposalId, String text) {
                events.add("proposal");
            }
        });

        assertThat(result.completed()).isTrue();
        assertThat(result.text()).isEqualTo("I proposed it.");
        assertThat(result.routing().agent()).isEqualTo("architect");
        assertThat(result.proposalIds()).isEqualTo(proposals).hasSize(1);
        assertThat(result.toolCalls()).singleElement().satisfies(c -> {
            assertThat(c.toolName()).isEqualTo("seek_approval");
            assertThat(c.error()).isNull();
            assertThat(c.resultSize()).isPositive();
        });
        assertThat(result.modelCalls()).hasSize(2).allSatisfy(c -> {
            assertThat(c.model()).isEqualTo("architect-model");
            assertThat(c.agentRole()).isEqualTo("architect");
            assertThat(c.requestType()).isEqualTo("chat");
            assertThat(c.inputTokens()).isEqualTo(10);
            assertThat(c.outputTokens()).isEqualTo(5);
            assertThat(c.costUsd()).isEqualByComparingTo("0.01");
        });
        assertThat(events).containsExactly("routed:architect", "calling:seek_approval", "proposal");

        // the real client sent the system prompt, the tools (only implemented ones) and then the tool result
        JsonNode first = llm.requests().get(0).body();
        assertThat(first.get("model").asText()).isEqualTo("architect-model");
        assertThat(llm.requests().get(0).messageRoles()).containsExactly("system", "user");
        List<String> offered = new ArrayList<>();
        first.get("tools")
                .forEach(t -> offered.add(t.path("function").path("name").asText()));
        assertThat(offered).containsExactly("seek_approval", "get_entity_state");
        assertThat(llm.requests().get(1).messageRoles()).containsExactly("system", "user", "assistant", "tool");
    }

    @Test
    void autoRoutesByIntentANamedAgentIsUsedAndUnknownOrDisabledFallBackSayingSo() {
        llm.answer("Energy answer").answer("Architect answer").answer("Fallback answer");

        TurnResult energy = runtime.run(turn("auto", "How is my power consumption today?", 3), TurnListener.NONE);
        assertThat(energy.routing().agent()).isEqualTo("energy_analyst");
        assertThat(llm.lastRequest().body().get("model").asText()).isEqualTo("energy-model");
        assertThat(llm.lastRequest().body().has("tools")).isFalse();

        TurnResult named = runtime.run(turn("architect", "Hello", 3), TurnListener.NONE);
        assertThat(named.routing().reason()).isEqualTo("requested by name");
        assertThat(named.routing().fallback()).isFalse();

        TurnResult disabled = runtime.run(turn("food", "a recipe please", 3), TurnListener.NONE);
        assertThat(disabled.routing().agent()).isEqualTo("architect");
        assertThat(disabled.routing().fallback()).isTrue();
        assertThat(disabled.text()).contains("disabled").endsWith("Fallback answer");

        assertThat(runtime.route("nobody", "x").routing().reason()).contains("no agent is named 'nobody'");
        assertThat(runtime.route("auto", "what is up").agent().name()).isEqualTo("architect");
    }

    @Test
    void aSlowToolTimesOutAndTheModelIsToldSo() {
        llm.answerToolCall("get_entity_state", "{\"entity_id\":\"sensor.slow\"}")
                .answer("It timed out.");

        TurnResult result = runtime.run(turn("architect", "state of sensor.slow", 5), TurnListener.NONE);

        assertThat(result.completed()).isTrue();
        assertThat(result.toolCalls())
                .singleElement()
                .satisfies(c -> assertThat(c.error()).contains("did not answer"));
        assertThat(llm.requests().get(1).messageContents().get(3)).contains("did not answer");
    }

    @Test
    void theIterationCapEndsTheTurnAsFailedAndAnUnofferedToolIsRefused() {
        llm.answerToolCall("render_template", "{\"template\":\"x\"}")
                .answerToolCall("get_entity_state", "{\"entity_id\":\"light.hall\"}")
                .answerToolCall("get_entity_state", "{\"entity_id\":\"light.hall\"}");

        TurnResult result = runtime.run(turn("architect", "loop", 2), TurnListener.NONE);

        assertThat(result.completed()).isFalse();
        assertThat(result.failure()).isInstanceOf(TurnLimitException.class);
        assertThat(result.outcome()).isInstanceOf(RecordTurn.Failed.class);
        assertThat(result.toolCalls()).hasSize(2);
        assertThat(result.toolCalls().get(0).error()).contains("no tool named 'render_template'");
        assertThat(toolsCalled).containsExactly("get_entity_state");
        // the last call offered no tools: the cap was reached
        assertThat(llm.lastRequest().body().has("tools")).isFalse();
    }

    @Test
    void aProviderFailureIsAFailedTurnWithTheCallRecorded() {
        llm.fail(503, "overloaded");

        TurnResult result = runtime.run(turn("architect", "hello", 3), TurnListener.NONE);

        assertThat(result.failure()).isInstanceOf(LlmProviderException.class);
        assertThat(((RecordTurn.Failed) result.outcome()).reason())
                .contains("503")
                .doesNotContain("overloaded");
        assertThat(result.modelCalls())
                .singleElement()
                .satisfies(c -> assertThat(c.error()).contains("503"));
    }

    @Test
    void aCancelledTurnStopsBeforeTheNextStep() {
        TurnResult result = runtime.run(turn("architect", "hello", 3), new TurnListener() {
            @Override
            public boolean cancelled() {
                return true;
            }
        });

        assertThat(result.outcome()).isInstanceOf(RecordTurn.Cancelled.class);
        assertThat(llm.requests()).isEmpty();
    }
}

package io.aether.agents.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import io.aether.agents.offline.HomeView.Entity;
import io.aether.domain.tool.ToolRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The LangChain4j contract of the offline models: tool round trip, streaming, honesty. */
class OfflineChatModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ToolSpecification SEEK_APPROVAL = ToolSpecification.builder()
            .name("seek_approval")
            .description("Submits a change for approval")
            .build();
    private static final ToolSpecification GET_STATE =
            ToolSpecification.builder().name("get_entity_state").build();

    private final OfflineChatModel model = new OfflineChatModel(DemoHomeFixture.home());
    private final OfflineStreamingChatModel streaming = new OfflineStreamingChatModel(DemoHomeFixture.home());

    private static ChatRequest request(List<ChatMessage> messages, ToolSpecification... tools) {
        return ChatRequest.builder()
                .messages(messages)
                .toolSpecifications(tools)
                .build();
    }

    @Test
    void aCommandIsASeekApprovalCallAndItsResultIsConfirmedWithTheProposalId() throws Exception {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from("You are the architect."));
        messages.add(UserMessage.from("turn off the hall light"));

        ChatResponse first = model.chat(request(messages, GET_STATE, SEEK_APPROVAL));

        assertThat(first.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
        assertThat(first.aiMessage().text()).isNull();
        assertThat(first.aiMessage().toolExecutionRequests()).hasSize(1);
        ToolExecutionRequest call = first.aiMessage().toolExecutionRequests().get(0);
        assertThat(call.name()).isEqualTo("seek_approval");
        assertThat(call.id()).startsWith("call_");
        JsonNode args = JSON.readTree(call.arguments());
        assertThat(args.get("proposal_type").asText()).isEqualTo("entity_command");
        assertThat(args.get("title").asText()).isEqualTo("Turn off Hall light");
        assertThat(args.get("service_call"))
                .isEqualTo(JSON.readTree(
                        "{\"domain\":\"light\",\"service\":\"turn_off\",\"entity_id\":[\"light.hall\"],\"data\":{}}"));

        messages.add(first.aiMessage());
        messages.add(ToolExecutionResultMessage.from(
                call, "{\"proposal_id\":\"3f0c9a52-1b7e-4c1a-9d55-0a1e2b3c4d5e\",\"status\":\"proposed\"}"));
        ChatResponse second = model.chat(request(messages, GET_STATE, SEEK_APPROVAL));

        assertThat(second.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(second.aiMessage().hasToolExecutionRequests()).isFalse();
        assertThat(second.aiMessage().text())
                .isEqualTo("I proposed \"Turn off Hall light\" for your approval as proposal"
                        + " 3f0c9a52-1b7e-4c1a-9d55-0a1e2b3c4d5e. Nothing changes in your home until it is approved.");
    }

    @Test
    void anAutomationIsASeekApprovalCallWithAnHaAutomationConfig() throws Exception {
        ChatResponse response = model.chat(request(
                List.of(UserMessage.from(
                        "When motion is detected in the hallway after sunset, turn on the hallway light.")),
                SEEK_APPROVAL));

        JsonNode args = JSON.readTree(
                response.aiMessage().toolExecutionRequests().get(0).arguments());
        assertThat(args.get("proposal_type").asText()).isEqualTo("automation");
        JsonNode config = args.get("config");
        assertThat(config.get("triggers").get(0).get("trigger").asText()).isEqualTo("state");
        assertThat(config.get("triggers").get(0).get("entity_id").asText()).isEqualTo("binary_sensor.hall_motion");
        assertThat(config.get("conditions").get(0).get("condition").asText()).isEqualTo("sun");
        assertThat(config.get("actions").get(0).get("action").asText()).isEqualTo("light.turn_on");
    }

    @Test
    void theArgumentsAlsoFillTheParametersTheToolRegistryDeclaresForSeekApproval() throws Exception {
        Map<?, ?> schema =
                ToolRegistry.find(OfflineChatModel.SEEK_APPROVAL).orElseThrow().parameters();
        Map<?, ?> properties = (Map<?, ?>) schema.get("properties");
        for (String sentence : List.of(
                "turn on all lights in the kitchen",
                "set the bedroom light to 50%",
                "when motion is detected in the hallway after sunset turn on the hallway light")) {
            JsonNode args = JSON.readTree(model.chat(request(List.of(UserMessage.from(sentence)), SEEK_APPROVAL))
                    .aiMessage()
                    .toolExecutionRequests()
                    .get(0)
                    .arguments());
            for (Object required : (List<?>) schema.get("required")) {
                assertThat(args.hasNonNull((String) required))
                        .as(sentence + ": " + required)
                        .isTrue();
            }
            List<Object> kinds = List.copyOf((List<?>) ((Map<?, ?>) properties.get("action_type")).get("enum"));
            assertThat(kinds).contains((Object) args.get("action_type").asText());
            assertThat(args.get("action_type").asText())
                    .isEqualTo(args.get("proposal_type").asText());
            assertThat(args.get("name").asText()).isEqualTo(args.get("title").asText());
            args.fields().forEachRemaining(field -> {
                Map<?, ?> declared = (Map<?, ?>) properties.get(field.getKey());
                if (declared != null) {
                    String type = (String) declared.get("type");
                    JsonNode value = field.getValue();
                    boolean fits = switch (type) {
                        case "string" -> value.isTextual();
                        case "array" -> value.isArray();
                        case "object" -> value.isObject();
                        default -> true;
                    };
                    assertThat(fits)
                            .as(sentence + ": " + field.getKey() + " is a " + type)
                            .isTrue();
                }
            });
        }
        JsonNode command = JSON.readTree(
                model.chat(request(List.of(UserMessage.from("set the bedroom light to 50%")), SEEK_APPROVAL))
                        .aiMessage()
                        .toolExecutionRequests()
                        .get(0)
                        .arguments());
        assertThat(command.get("entity_id").asText()).isEqualTo("light.bedroom");
        assertThat(command.get("service_domain").asText()).isEqualTo("light");
        assertThat(command.get("service_action").asText()).isEqualTo("turn_on");
        assertThat(command.get("service_data").get("brightness_pct").asInt()).isEqualTo(50);
    }

    @Test
    void aResultWithoutAnIdIsQuotedAndAnErrorIsSaidHonestly() {
        ToolExecutionRequest call = ToolExecutionRequest.builder()
                .id("call_1")
                .name("seek_approval")
                .arguments("{\"title\":\"Lock Front door\"}")
                .build();
        ChatResponse plain = model.chat(request(
                List.of(
                        UserMessage.from("lock the front door"),
                        AiMessage.from(call),
                        ToolExecutionResultMessage.from(
                                call, "Proposal created: 7d1f2c3b-0000-4000-8000-00000000abcd")),
                SEEK_APPROVAL));
        assertThat(plain.aiMessage().text()).contains("proposal 7d1f2c3b-0000-4000-8000-00000000abcd");

        ChatResponse failed = model.chat(request(
                List.of(
                        UserMessage.from("lock the front door"),
                        AiMessage.from(call),
                        ToolExecutionResultMessage.from(
                                call, "{\"error\":{\"kind\":\"validation\",\"message\":\"entity not found\"}}")),
                SEEK_APPROVAL));
        assertThat(failed.aiMessage().text()).isEqualTo("I could not propose \"Lock Front door\": entity not found.");
    }

    @Test
    void withoutTheSeekApprovalToolTheChangeIsDescribedNotRequested() {
        ChatResponse response = model.chat(request(List.of(UserMessage.from("turn off the hall light")), GET_STATE));

        assertThat(response.aiMessage().hasToolExecutionRequests()).isFalse();
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.aiMessage().text())
                .startsWith("I understood this as a change: Turn off Hall light.")
                .contains("\"service\":\"turn_off\"")
                .contains("the seek_approval tool is not available in this conversation, so nothing was changed");
    }

    @Test
    void anUnknownSentenceIsSaidToBeNotUnderstoodWithWhatTheEngineCanDo() {
        ChatResponse response =
                model.chat(request(List.of(UserMessage.from("compose a sonnet about my toaster")), SEEK_APPROVAL));

        assertThat(response.aiMessage().hasToolExecutionRequests()).isFalse();
        assertThat(response.aiMessage().text())
                .startsWith("Sorry, I did not understand \"compose a sonnet about my toaster\".")
                .contains(OfflineEngine.CAPABILITIES);
    }

    @Test
    void aQuestionIsAnsweredAsTextWithZeroTokens() {
        ChatResponse response =
                model.chat(request(List.of(UserMessage.from("is the front door locked?")), SEEK_APPROVAL));

        assertThat(response.aiMessage().text()).isEqualTo("Yes, Front door is locked.");
        assertThat(response.modelName()).isEqualTo(OfflineChatModel.MODEL_NAME);
        assertThat(response.tokenUsage().totalTokenCount()).isZero();
        assertThat(model.chat("how many locks are unlocked?")).isEqualTo("1 lock is unlocked (of 2): Back door.");
    }

    @Test
    void aLongSentenceFullOfTemplateWordsIsAnsweredQuickly() {
        String sentence = ("when the hall light turns on turn on the floor lamp and set the "
                        + "hall light to 5 percent if it is after sunset ")
                .repeat(5)
                .substring(0, OfflineEngine.MAX_SENTENCE_LENGTH);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> model.chat(sentence));
    }

    @Test
    void aHomeOfThreeThousandEntitiesIsAnsweredQuickly() {
        List<Entity> entities = new ArrayList<>(DemoHomeFixture.home().entities());
        for (int i = 0; i < 3000; i++) {
            entities.add(
                    new Entity("sensor.probe_" + i, "Probe " + i + " power", null, "Room " + (i % 50), "12", Map.of()));
        }
        OfflineChatModel big = new OfflineChatModel(
                new InMemoryHomeView(entities, DemoHomeFixture.home().areas()));
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertThat(big.chat("turn off the hall light and the floor lamp")).contains("turn_off");
            assertThat(big.chat("when motion is detected in the hallway after sunset turn on the hallway light"))
                    .contains("binary_sensor.hall_motion");
            assertThat(big.chat("is the front door locked?")).isEqualTo("Yes, Front door is locked.");
        });
    }

    @Test
    void eachTurnReadsTheHomeAsItIsThen() {
        AtomicReference<String> state = new AtomicReference<>("off");
        HomeView live = new HomeView() {
            @Override
            public List<Entity> entities() {
                return List.of(new Entity("light.hall", "Hall", null, "Hall", state.get(), Map.of()));
            }

            @Override
            public List<Area> areas() {
                return List.of();
            }
        };
        OfflineChatModel liveModel = new OfflineChatModel(live);
        assertThat(liveModel.chat("is the hall light on?")).isEqualTo("No, Hall light is off.");
        state.set("on");
        assertThat(liveModel.chat("is the hall light on?")).isEqualTo("Yes, Hall light is on.");
    }

    @Test
    void streamingSendsTheSameTextInWordChunks() {
        ChatRequest request = request(List.of(UserMessage.from("which lights are on?")), SEEK_APPROVAL);
        String expected = model.chat(request).aiMessage().text();

        Collector collector = new Collector();
        streaming.chat(request, collector);

        assertThat(collector.error).isNull();
        assertThat(collector.chunks).hasSizeGreaterThan(3);
        assertThat(collector.chunks).allSatisfy(c -> assertThat(c.strip()).doesNotContain(" "));
        assertThat(String.join("", collector.chunks)).isEqualTo(expected);
        assertThat(collector.complete.aiMessage().text()).isEqualTo(expected);
    }

    @Test
    void streamingACommandGivesTheSameToolCallAsACompleteToolCall() {
        ChatRequest request = request(List.of(UserMessage.from("lock the front door")), SEEK_APPROVAL);
        ToolExecutionRequest expected =
                model.chat(request).aiMessage().toolExecutionRequests().get(0);

        Collector collector = new Collector();
        streaming.chat(request, collector);

        assertThat(collector.chunks).isEmpty();
        assertThat(collector.toolCalls).hasSize(1);
        assertThat(collector.toolCalls.get(0).toolExecutionRequest()).isEqualTo(expected);
        assertThat(collector.complete.aiMessage().toolExecutionRequests()).containsExactly(expected);
        assertThat(collector.complete.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
    }

    @Test
    void aCancelledStreamStopsWithoutACompleteResponse() {
        List<String> chunks = new ArrayList<>();
        AtomicReference<ChatResponse> complete = new AtomicReference<>();
        streaming.chat(
                request(List.of(UserMessage.from("list the lights")), SEEK_APPROVAL),
                new StreamingChatResponseHandler() {
                    @Override
                    public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                        chunks.add(partial.text());
                        if (chunks.size() == 2) {
                            context.streamingHandle().cancel();
                        }
                    }

                    @Override
                    public void onCompleteResponse(ChatResponse response) {
                        complete.set(response);
                    }

                    @Override
                    public void onError(Throwable error) {}
                });
        assertThat(chunks).hasSize(2);
        assertThat(complete.get()).isNull();
    }

    private static final class Collector implements StreamingChatResponseHandler {
        final List<String> chunks = new ArrayList<>();
        final List<CompleteToolCall> toolCalls = new ArrayList<>();
        ChatResponse complete;
        Throwable error;

        @Override
        public void onPartialResponse(String partial) {
            chunks.add(partial);
        }

        @Override
        public void onCompleteToolCall(CompleteToolCall call) {
            toolCalls.add(call);
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            complete = response;
        }

        @Override
        public void onError(Throwable e) {
            error = e;
        }
    }
}

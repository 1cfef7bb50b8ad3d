package io.aether.api.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import io.aether.api.support.Sse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAI-compatible chat over HTTP with no language model configured: the offline engine
 * answers from the mirrors of the simulator's home, a change becomes a proposal in {@code
 * proposed} through seek_approval (Home Assistant untouched), JSON and SSE, bad input 4xx, every
 * event recorded with the principal as actor.
 */
class ChatEndpointsTest extends IntegrationTest {

    @BeforeEach
    void mirrorTheHome() {
        Http.Response sync = http.post("/api/v1/entities/sync", "{\"force\": true}");
        assertThat(sync.status()).as(sync.body()).isEqualTo(200);
    }

    private static String chat(String text, boolean stream) {
        return "{\"model\":\"architect\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\""
                + text + "\"}]}";
    }

    @Test
    void modelsListTheAgentsAndAuto() {
        Http.Response models = http.get("/api/v1/models");

        assertThat(models.status()).as(models.body()).isEqualTo(200);
        assertThat(models.json().get("object").asText()).isEqualTo("list");
        List<String> ids = new ArrayList<>();
        models.json().get("data").forEach(m -> {
            ids.add(m.get("id").asText());
            assertThat(m.get("object").asText()).isEqualTo("model");
            assertThat(m.get("created").isNumber()).isTrue();
            assertThat(m.get("owned_by").asText()).isEqualTo("aether");
        });
        assertThat(ids).contains("auto", "architect");
        assertThat(anonymous.get("/api/v1/models").status()).isEqualTo(401);
    }

    @Test
    void aChangeBecomesAProposalInProposedAndHomeAssistantIsUntouched() {
        String before = HA.state("light.living_room").orElseThrow().get("state").asText();
        String text =
                "turn off the living room light " + UUID.randomUUID().toString().substring(0, 4);

        Http.Response answer = http.post("/api/v1/chat/completions", chat("turn off the living room light", false));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.get("object").asText()).isEqualTo("chat.completion");
        assertThat(body.get("id").asText()).startsWith("chatcmpl-");
        assertThat(body.get("trace_id").asText()).isNotBlank();
        JsonNode choice = body.get("choices").get(0);
        assertThat(choice.get("finish_reason").asText()).isEqualTo("stop");
        assertThat(choice.get("message").get("role").asText()).isEqualTo("assistant");
        String reply = choice.get("message").get("content").asText();
        assertThat(reply).contains("for your approval as proposal");
        String proposalId = reply.replaceAll("(?s).*proposal ([0-9a-f-]{36}).*", "$1");
        JsonNode proposal = proposal(proposalId);
        assertThat(proposal.get("status").asText()).isEqualTo("proposed");
        assertThat(proposal.get("proposal_type").asText()).isEqualTo("entity_command");
        assertThat(proposal.get("conversation_id").asText())
                .isEqualTo(body.get("conversation_id").asText());
        assertThat(HA.state("light.living_room").orElseThrow().get("state").asText())
                .isEqualTo(before);
        // the proposal seek_approval created belongs to the chat request: its correlation id and principal
        String metadata =
                jdbc.sql("""
                        SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry
                        WHERE aggregate_identifier = :id AND sequence_number = 0""").param("id", proposalId).query(String.class).single();
        assertThat(metadata)
                .contains("\"correlation_id\":\"" + answer.header("X-Correlation-ID") + "\"")
                .contains("\"actor_type\":\"user\"");

        // the original's deterministic id from the first user message
        assertThat(body.get("conversation_id").asText())
                .isEqualTo(ConversationIds.fromFirstMessage("turn off the living room light")
                        .toString());
        // the turn's events, each with the principal as actor
        List<String> types = jdbc.sql("""
                        SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = :id
                        ORDER BY sequence_number""")
                .param("id", body.get("conversation_id").asText())
                .query(String.class)
                .list();
        assertThat(types)
                .map(t -> t.substring(t.lastIndexOf('.') + 1))
                .containsSubsequence(
                        "ConversationMessagePosted",
                        "ConversationAgentRouted",
                        "ConversationToolCalled",
                        "LlmCallRecorded",
                        "ConversationProposalLinked",
                        "ConversationReplyCompleted");
        List<String> payloads = jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = :id""")
                .param("id", body.get("conversation_id").asText())
                .query(String.class)
                .list();
        assertThat(payloads).allSatisfy(p -> assertThat(p).contains("\"id\":\"" + OWNER + "\""));
        assertThat(text).isNotBlank();
    }

    @Test
    void aQuestionIsAnsweredFromTheMirrorAndTheHistoryContinuesOneConversation() {
        String question = "which lights are on?";
        Http.Response first = http.post("/api/v1/chat/completions", chat(question, false));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json()
                        .get("choices")
                        .get(0)
                        .get("message")
                        .get("content")
                        .asText())
                .isNotBlank();
        String conversation = first.json().get("conversation_id").asText();

        Http.Response second = http.post(
                "/api/v1/chat/completions",
                Map.of(
                        "model",
                        "gpt-4o",
                        "messages",
                        List.of(
                                Map.of("role", "user", "content", question),
                                Map.of("role", "assistant", "content", "x"),
                                Map.of("role", "user", "content", List.of(Map.of("type", "text", "text", "help"))))));
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().get("conversation_id").asText()).isEqualTo(conversation);
    }

    @Test
    void aStreamInterleavesTheCustomEventsAndEndsWithTheFinalChunkMetadataAndDone() throws Exception {
        List<Sse.Event> events = new ArrayList<>();
        try (Sse sse =
                Sse.post(http, "/api/v1/chat/completions", chat("which lights are on in the living room?", true))) {
            while (true) {
                Sse.Event event = sse.nextEvent();
                events.add(event);
                if (event.data().isTextual() && "[DONE]".equals(event.data().asText())) {
                    break;
                }
            }
        }
        List<String> kinds = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Sse.Event e : events) {
            JsonNode d = e.data();
            if (d.isTextual()) {
                kinds.add(d.asText());
            } else if ("chat.completion.chunk".equals(d.path("object").asText())) {
                JsonNode choice = d.get("choices").get(0);
                if (!choice.get("finish_reason").isNull()) {
                    kinds.add("final:" + choice.get("finish_reason").asText());
                } else {
                    text.append(choice.get("delta").path("content").asText());
                    if (!kinds.get(kinds.size() - 1).equals("chunk")) {
                        kinds.add("chunk");
                    }
                }
            } else {
                kinds.add(d.get("type").asText());
            }
        }
        assertThat(kinds.get(0)).isEqualTo("routing");
        assertThat(kinds).containsSubsequence("routing", "trace", "chunk", "trace", "final:stop", "metadata", "[DONE]");
        assertThat(kinds.subList(kinds.size() - 3, kinds.size())).containsExactly("final:stop", "metadata", "[DONE]");
        assertThat(text.toString()).isNotBlank();
        JsonNode metadata = events.get(events.size() - 2).data();
        assertThat(metadata.get("conversation_id").asText()).isNotBlank();
        assertThat(metadata.get("trace_id").asText()).isNotBlank();
        // the reply is stored as the conversation's (read model) message
        String trace = metadata.get("trace_id").asText();
        assertThat(jdbc.sql("SELECT status FROM conversation_turn WHERE trace_id = :t")
                        .param("t", trace)
                        .query(String.class)
                        .single())
                .isEqualTo("completed");
    }

    @Test
    void badInputIsRefusedBeforeAnyEvent() throws Exception {
        long events = eventCount();

        Http.Response noUser =
                http.post("/api/v1/chat/completions", "{\"messages\":[{\"role\":\"system\",\"content\":\"hi\"}]}");
        assertThat(noUser.status()).as(noUser.body()).isEqualTo(400);
        assertThat(noUser.json().get("error").get("message").asText()).contains("user message");
        assertThat(http.post("/api/v1/chat/completions", "{}").status()).isEqualTo(400);
        List<Map<String, String>> many = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            many.add(Map.of("role", "user", "content", "hi"));
        }
        assertThat(http.post("/api/v1/chat/completions", Map.of("messages", many))
                        .status())
                .isEqualTo(422);
        assertThat(http.post("/api/v1/chat/completions", Map.of("stream", true, "messages", many))
                        .status())
                .isEqualTo(422);
        Http.Response streamed = http.post(
                "/api/v1/chat/completions",
                "{\"stream\":true,\"conversation_id\":\"nope\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                Map.of("Accept", "text/event-stream"));
        assertThat(streamed.status()).as(streamed.body()).isEqualTo(422);
        assertThat(streamed.json().get("error").get("type").asText()).isEqualTo("validation_error");
        assertThat(http.post(
                                "/api/v1/chat/completions",
                                Map.of("messages", List.of(Map.of("role", "user", "content", "x".repeat(32_001)))))
                        .status())
                .isEqualTo(422);
        assertThat(http.post(
                                "/api/v1/chat/completions",
                                Map.of(
                                        "conversation_id",
                                        "nope",
                                        "messages",
                                        List.of(Map.of("role", "user", "content", "hi"))))
                        .status())
                .isEqualTo(422);
        assertThat(http.post(
                                "/api/v1/chat/completions",
                                Map.of("temperature", 3, "messages", List.of(Map.of("role", "user", "content", "hi"))))
                        .status())
                .isEqualTo(422);
        assertThat(http.post(
                                "/api/v1/chat/completions",
                                Map.of("messages", List.of(Map.of("role", "wizard", "content", "hi"))))
                        .status())
                .isEqualTo(422);
        assertThat(http.post("/api/v1/chat/completions", "{\"messages\": [").status())
                .isEqualTo(400);
        assertThat(anonymous.post("/api/v1/chat/completions", chat("hi", false)).status())
                .isEqualTo(401);
        try (Sse sse = Sse.post(
                http,
                "/api/v1/chat/completions",
                "{\"stream\":true,\"messages\":[{\"role\":\"system\",\"content\":\"x\"}]}")) {
            assertThat(sse.nextEvent().data().get("error").get("message").asText())
                    .contains("user message");
            assertThat(sse.nextEvent().data().asText()).isEqualTo("[DONE]");
        }
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void conversationsStartListReadContinueAndDelete() {
        Http.Response created = http.post("/api/v1/conversations", Map.of("initial_message", "turn on the hall light"));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        JsonNode detail = created.json();
        String id = detail.get("id").asText();
        assertThat(detail.get("agent_id").asText()).isEqualTo("auto");
        assertThat(detail.get("user_id").asText()).isEqualTo(OWNER);
        assertThat(detail.get("status").asText()).isEqualTo("active");
        assertThat(detail.get("title").asText()).isEqualTo("turn on the hall light");
        assertThat(detail.get("messages")).hasSize(2);
        assertThat(detail.get("messages").get(0).get("role").asText()).isEqualTo("user");
        assertThat(detail.get("messages").get(1).get("role").asText()).isEqualTo("assistant");
        assertThat(detail.get("messages")
                        .get(1)
                        .get("tool_calls")
                        .get("calls")
                        .get(0)
                        .get("tool")
                        .asText())
                .isEqualTo("seek_approval");
        assertThat(detail.get("pending_approvals")).hasSize(1);
        assertThat(proposal(detail.get("pending_approvals").get(0).asText())
                        .get("status")
                        .asText())
                .isEqualTo("proposed");

        Http.Response list = http.get("/api/v1/conversations?limit=200");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("limit").asInt()).isEqualTo(200);
        assertThat(list.json().get("offset").asInt()).isZero();
        assertThat(list.json().get("items").toString()).contains(id);
        assertThat(http.get("/api/v1/conversations?status=active&limit=1")
                        .json()
                        .get("items"))
                .hasSize(1);

        Http.Response reply =
                http.post("/api/v1/conversations/" + id + "/messages", Map.of("message", "which lights are on?"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("conversation_id").asText()).isEqualTo(id);
        assertThat(reply.json().get("message").asText()).isNotBlank();
        assertThat(reply.json().get("has_proposal").asBoolean()).isFalse();
        assertThat(http.get("/api/v1/conversations/" + id).json().get("messages"))
                .hasSize(4);

        Http.Response deleted = http.delete("/api/v1/conversations/" + id);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("deleted").asBoolean()).isTrue();
        assertThat(deleted.json().get("conversation_id").asText()).isEqualTo(id);
        assertThat(http.get("/api/v1/conversations/" + id).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/conversations?limit=200")
                        .json()
                        .get("items")
                        .toString())
                .doesNotContain(id);
        long events = eventCount();
        assertThat(http.delete("/api/v1/conversations/" + id).status()).isEqualTo(404);
        assertThat(http.post("/api/v1/conversations/" + id + "/messages", Map.of("message", "hi"))
                        .status())
                .isEqualTo(404);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void feedbackIsRecordedOnTheTurnsConversation() {
        Http.Response answer = http.post("/api/v1/chat/completions", chat("hello there", false));
        String trace = answer.json().get("trace_id").asText();

        Http.Response ok = http.post("/api/v1/feedback", Map.of("trace_id", trace, "sentiment", "positive"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("status").asText()).isEqualTo("ok");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = :id
                        AND payload_type LIKE '%ConversationFeedbackGiven'""")
                        .param("id", answer.json().get("conversation_id").asText())
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(1);

        long events = eventCount();
        assertThat(http.post("/api/v1/feedback", Map.of("trace_id", "nope", "sentiment", "positive"))
                        .status())
                .isEqualTo(404);
        assertThat(http.post("/api/v1/feedback", Map.of("trace_id", trace, "sentiment", "meh"))
                        .status())
                .isEqualTo(422);
        assertThat(http.post("/api/v1/feedback", "{}").status()).isEqualTo(422);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void badConversationInputIsRefusedBeforeAnyEvent() {
        long events = eventCount();
        assertThat(http.get("/api/v1/conversations/not-a-uuid").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/conversations/" + UUID.randomUUID()).status())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/conversations?status=bogus").status()).isEqualTo(400);
        assertThat(http.get("/api/v1/conversations?limit=0").status()).isEqualTo(422);
        assertThat(http.get("/api/v1/conversations?offset=-1").status()).isEqualTo(422);
        assertThat(http.post("/api/v1/conversations", "{}").status()).isEqualTo(422);
        assertThat(http.post("/api/v1/conversations", Map.of("initial_message", "x".repeat(32_001)))
                        .status())
                .isEqualTo(422);
        assertThat(http.post("/api/v1/conversations", "{\"initial_message\": 5}")
                        .status())
                .isEqualTo(400);
        assertThat(http.post("/api/v1/conversations/" + UUID.randomUUID() + "/messages", Map.of("message", "hi"))
                        .status())
                .isEqualTo(404);
        assertThat(anonymous.get("/api/v1/conversations").status()).isEqualTo(401);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void refineNeedsALanguageModel() {
        String id = create(AUTOMATION);
        long events = eventCount();
        Http.Response refused = http.post("/api/v1/proposals/" + id + "/refine", Map.of("feedback", "brighter"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(501);
        assertThat(http.post("/api/v1/proposals/" + UUID.randomUUID() + "/refine", Map.of("feedback", "x"))
                        .status())
                .isEqualTo(404);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void langChain4jsOwnOpenAiClientWorksUnchangedStreamingAndNot() throws Exception {
        String base = "http://127.0.0.1:" + port + "/api/v1";
        OpenAiChatModel model = OpenAiChatModel.builder()
                .baseUrl(base)
                .apiKey(http.defaultToken())
                .modelName("architect")
                .build();
        assertThat(model.chat("which lights are on?")).isNotBlank();

        OpenAiStreamingChatModel streaming = OpenAiStreamingChatModel.builder()
                .baseUrl(base)
                .apiKey(http.defaultToken())
                .modelName("auto")
                .build();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        StringBuilder pieces = new StringBuilder();
        streaming.chat("what can you do?", new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                pieces.append(partial);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        ChatResponse response = done.get(30, TimeUnit.SECONDS);
        assertThat(pieces.toString())
                .isNotBlank()
                .isEqualTo(response.aiMessage().text());
    }
}

package io.aether.api.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.agents.testing.ChatCompletionsServer;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import io.aether.api.support.OwnServer;
import io.aether.api.support.Sse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Chat with a language model configured: the real LangChain4j OpenAI client of the server talks
 * to a local server speaking the chat-completions wire format (scripted tool calls, failures,
 * slow answers). seek_approval creates a proposal in proposed and nothing reaches Home
 * Assistant; a provider failure is 502 and a failed turn; a client that goes away mid-stream
 * leaves a cancelled turn; refine records a revision of the same proposal.
 */
class ChatWithModelTest extends IntegrationTest {
    private static final String PASSWORD = "chat with model password";
    /** Above the owner's chat turns in this class (8), so only the API key's run reaches it. */
    private static final int CHAT_LIMIT = 12;

    private static ChatCompletionsServer llm;
    private static OwnServer server;
    private static Http owner;
    private static JdbcClient db;
    private static Path dataDir;

    @BeforeAll
    static void start() throws IOException {
        llm = ChatCompletionsServer.start();
        dataDir = Files.createTempDirectory("aether-chat-model-");
        server = OwnServer.start(
                dataDir,
                HA.baseUrl(),
                HA_TOKEN,
                "--aether.auth.password=" + PASSWORD,
                "--aether.llm.provider=openai",
                "--aether.llm.base-url=" + llm.baseUrl(),
                "--aether.llm.api-key=sk-local-test",
                "--aether.llm.model=default-model",
                "--aether.llm.max-retries=0",
                "--aether.chat.heartbeat=100ms",
                "--aether.chat.rate-limit.attempts=" + CHAT_LIMIT,
                "--aether.chat.rate-limit.period=1h");
        owner = server.http().signIn("admin", PASSWORD);
        db = server.bean(JdbcClient.class);
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        llm.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    private static String turnStatus(String traceOrConversation) {
        return db.sql("SELECT status FROM conversation_turn WHERE conversation_id = CAST(:id AS uuid)"
                        + " ORDER BY started_at DESC LIMIT 1")
                .param("id", traceOrConversation)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    @Test
    void seekApprovalThroughTheRealClientCreatesAProposedProposalAndHomeAssistantIsUntouched() {
        String before = HA.state("light.hall").orElseThrow().get("state").asText();
        llm.answerToolCall(
                        "seek_approval",
                        "{\"action_type\":\"entity_command\",\"name\":\"Hall light on\",\"description\":\"asked\","
                                + "\"entity_id\":\"light.hall\",\"service_domain\":\"light\",\"service_action\":\"turn_on\"}")
                .answer("I proposed switching the hall light on.");

        Http.Response answer = owner.post(
                "/api/v1/chat/completions",
                Map.of(
                        "model",
                        "gpt-4o",
                        "messages",
                        List.of(Map.of("role", "user", "content", "hall light on please"))));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json()
                        .get("choices")
                        .get(0)
                        .get("message")
                        .get("content")
                        .asText())
                .isEqualTo("I proposed switching the hall light on.");
        assertThat(answer.json().get("usage").get("total_tokens").asInt()).isEqualTo(30);
        JsonNode first = llm.requests().get(llm.requests().size() - 2).body();
        assertThat(first.get("model").asText()).isEqualTo("default-model");
        List<String> tools = new ArrayList<>();
        first.get("tools")
                .forEach(t -> tools.add(t.path("function").path("name").asText()));
        assertThat(tools).contains("seek_approval", "get_entity_state");
        String proposalId = db.sql(
                        "SELECT proposal_id FROM conversation_proposal WHERE conversation_id = CAST(:id AS uuid)")
                .param("id", answer.json().get("conversation_id").asText())
                .query(String.class)
                .single();
        Http.Response proposal = owner.get("/api/v1/proposals/" + proposalId);
        assertThat(proposal.json().get("status").asText()).isEqualTo("proposed");
        assertThat(proposal.json().get("service_call").get("service").asText()).isEqualTo("turn_on");
        assertThat(HA.state("light.hall").orElseThrow().get("state").asText()).isEqualTo(before);
        assertThat(db.sql("""
                        SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = :id
                        AND payload_type LIKE '%LlmCallRecorded'""")
                        .param("id", answer.json().get("conversation_id").asText())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);

        // The answer's trace_id is the turn's OpenTelemetry trace: routing, the agent's run, both
        // model calls with their tokens and the seek_approval call under it, and no mutating call.
        String traceId = answer.json().get("trace_id").asText();
        assertThat(traceId).matches("[0-9a-f]{32}");
        JsonNode trace = await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> owner.get("/api/v1/traces/" + traceId + "/spans"), r -> r.status() == 200)
                .json();
        assertThat(trace.get("root_span").get("name").asText()).isEqualTo("chat_turn");
        List<String> names = new ArrayList<>();
        List<JsonNode> nodes = new ArrayList<>(List.of(trace.get("root_span")));
        while (!nodes.isEmpty()) {
            JsonNode node = nodes.remove(0);
            names.add(node.get("name").asText());
            node.get("children").forEach(nodes::add);
        }
        assertThat(names)
                .contains("routing", "invoke_agent architect", "seek_approval")
                .filteredOn(n -> n.startsWith("chat "))
                .hasSize(2);
        JsonNode usage = owner.get("/api/v1/usage/conversation/"
                        + answer.json().get("conversation_id").asText())
                .json();
        assertThat(usage.get("total_calls").asInt()).as(usage.toString()).isEqualTo(2);
        assertThat(usage.get("total_tokens").asInt()).isEqualTo(30);
    }

    @Test
    void aProviderFailureIs502AndTheTurnIsRecordedFailed() {
        llm.fail(503, "overloaded");

        Http.Response failed = owner.post(
                "/api/v1/chat/completions",
                Map.of("messages", List.of(Map.of("role", "user", "content", "this will fail"))));

        assertThat(failed.status()).as(failed.body()).isEqualTo(502);
        assertThat(failed.json().get("error").get("type").asText()).isEqualTo("llm_error");
        assertThat(failed.body()).doesNotContain("sk-local-test").doesNotContain("overloaded");
        assertThat(turnStatus(ConversationIds.fromFirstMessage("this will fail").toString()))
                .isEqualTo("failed");
    }

    @Test
    void aClientThatGoesAwayMidStreamLeavesACancelledTurn() throws Exception {
        llm.slowAnswer(Duration.ofSeconds(3), "too late");
        String conversation = ConversationIds.fromFirstMessage("slow question").toString();

        try (Sse sse = Sse.post(
                owner,
                "/api/v1/chat/completions",
                "{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"slow question\"}]}")) {
            assertThat(sse.nextEvent().data().get("type").asText()).isEqualTo("routing");
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> "cancelled".equals(turnStatus(conversation)));
    }

    @Test
    void aSlowTurnStreamsHeartbeatsAndThenTheAnswer() throws Exception {
        llm.slowAnswer(Duration.ofSeconds(1), "Slow but sure.");

        try (Sse sse = Sse.post(
                owner,
                "/api/v1/chat/completions",
                "{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"heartbeat question\"}]}")) {
            assertThat(sse.nextEvent().data().get("type").asText()).isEqualTo("routing");
            assertThat(sse.nextEvent().data().get("event").asText()).isEqualTo("start");
            assertThat(sse.nextComment()).isEqualTo(": heartbeat");
            StringBuilder text = new StringBuilder();
            while (true) {
                Sse.Event event = sse.nextEvent();
                if (event.data().isTextual()) {
                    break;
                }
                JsonNode delta = event.data().path("choices").path(0).path("delta");
                text.append(delta.path("content").asText());
            }
            assertThat(text.toString()).isEqualTo("Slow but sure.");
        }
    }

    @Test
    void refineRecordsARevisionOfTheSameProposalOnlyWhileProposed() {
        Http.Response created = owner.post("/api/v1/proposals", AUTOMATION);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        llm.answer("""
                Here it is:
                ```yaml
                alias: Hall light on motion after dark
                description: Only after sunset
                triggers:
                  - trigger: state
                    entity_id: binary_sensor.hall_motion
                    to: "on"
                conditions:
                  - condition: sun
                    after: sunset
                actions:
                  - action: light.turn_on
                    target:
                      entity_id: light.hall
                mode: single
                ```""");

        Http.Response refined =
                owner.post("/api/v1/proposals/" + id + "/refine", Map.of("feedback", "only after dark"));

        assertThat(refined.status()).as(refined.body()).isEqualTo(200);
        assertThat(refined.json().get("success").asBoolean()).isTrue();
        assertThat(refined.json().get("new_proposal_id").asText()).isEqualTo(id);
        assertThat(refined.json().get("updated_fields").toString()).contains("name", "conditions");
        JsonNode after = owner.get("/api/v1/proposals/" + id).json();
        assertThat(after.get("name").asText()).isEqualTo("Hall light on motion after dark");
        assertThat(after.get("status").asText()).isEqualTo("proposed");
        assertThat(String.join("\n", llm.lastRequest().messageContents())).contains("only after dark");

        llm.answer("no yaml here: ```yaml\n```");
        assertThat(owner.post("/api/v1/proposals/" + id + "/refine", Map.of("feedback", "again"))
                        .status())
                .isEqualTo(502);
        assertThat(owner.post("/api/v1/proposals/" + id + "/refine", "{}").status())
                .isEqualTo(422);
        assertThat(owner.post("/api/v1/proposals/" + id + "/approve", "{}").status())
                .isEqualTo(200);
        assertThat(owner.post("/api/v1/proposals/" + id + "/refine", Map.of("feedback", "too late"))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void chatTurnsAreLimitedPerCredential() {
        Http.Response key = owner.post("/api/v1/auth/api-keys", Map.of("name", "chat-bot"));
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        Http bot = new Http(
                server.http().base(), Map.of("X-API-Key", key.json().get("key").asText()));
        String noUser = "{\"messages\":[{\"role\":\"system\",\"content\":\"x\"}]}";
        for (int i = 0; i < CHAT_LIMIT; i++) {
            assertThat(bot.post("/api/v1/chat/completions", noUser).status()).isEqualTo(400);
        }

        Http.Response refused = bot.post("/api/v1/chat/completions", noUser);
        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        assertThat(refused.json().get("error").get("type").asText()).isEqualTo("rate_limited");
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(bot.post("/api/v1/conversations", Map.of("initial_message", "hi"))
                        .status())
                .isEqualTo(429);
        // another credential has its own bucket
        assertThat(owner.post("/api/v1/chat/completions", noUser).status()).isEqualTo(400);
    }
}

package io.aether.api.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.api.platform.consistency.ReadConsistency;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import io.aether.api.support.OpenApiContract;
import io.aether.domain.actor.Actor;
import io.aether.domain.llm.LlmCallRecorded;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Usage, cost and model performance from {@link LlmCallRecorded} events with known token counts
 * and prices, published on the event bus as chat records them (no aggregate emits them on this
 * branch): every endpoint's figures exactly, UTC day boundaries, costs of unpriced calls null and
 * never a guess, bad periods refused with 422. Other tests may have recorded calls too, so the
 * period totals are compared as differences and the per-model rows use this test's own models.
 */
class UsageEndpointsTest extends IntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Actor OWNER_ACTOR = Actor.user(OWNER);

    @Autowired
    EventBus eventBus;

    @Autowired
    ReadConsistency consistency;

    private final String priced = "usage-priced-" + UUID.randomUUID();
    private final String unpriced = "usage-unpriced-" + UUID.randomUUID();
    private final String tiny = "usage-tiny-" + UUID.randomUUID();
    private final UUID conversation = UUID.randomUUID();
    private final UUID unpricedConversation = UUID.randomUUID();
    private final UUID roleless = UUID.randomUUID();
    private final Map<UUID, Long> sequences = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    private OpenApiContract contract;
    private Instant todayStart;
    private LocalDate today;

    @BeforeEach
    void document() {
        contract = new OpenApiContract(anonymous.get("/api/openapi.json").json());
        today = LocalDate.now(ZoneOffset.UTC);
        todayStart = today.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @Test
    void everyEndpointShowsTheRecordedCallsExactly() {
        JsonNode before1 = read("/api/v1/usage/summary?days=1");
        JsonNode before2 = read("/api/v1/usage/summary?days=2");
        JsonNode before30 = read("/api/v1/usage/summary");
        JsonNode before365 = read("/api/v1/usage/summary?days=365");
        JsonNode dailyBefore = read("/api/v1/usage/daily?days=3");

        List<EventMessage<?>> events = List.of(
                // today, the first second after midnight UTC
                call(conversation, priced, "openai", "architect", 1000, 500, 100, "0.0025", today(1)),
                call(conversation, priced, "openai", "architect", 2000, 1000, 200, "0.005", today(2)),
                call(conversation, priced, "openai", "critic", 100, 50, 300, "0.00025", today(3)),
                call(conversation, unpriced, "ollama", "architect", 10, 5, 400, null, today(4)),
                call(unpricedConversation, unpriced, "ollama", "architect", 7, 3, 70, null, today(5)),
                call(roleless, tiny, "openai", null, 1, 1, 10, "0.0000002", today(6)),
                // yesterday, the last second before midnight UTC; no conversation
                call(null, priced, "openai", "architect", 3000, 1500, 500, "0.0075", todayStart.minusSeconds(1)),
                // the day before yesterday at noon: 36 to 60 hours ago
                call(
                        null,
                        priced,
                        "openai",
                        "architect",
                        4000,
                        2000,
                        600,
                        "0.01",
                        todayStart.minus(Duration.ofHours(36))),
                // 40 days ago: only in a period of more than 40 days
                call(
                        null,
                        priced,
                        "openai",
                        "architect",
                        100,
                        100,
                        50,
                        "0.0001",
                        todayStart.minus(Duration.ofDays(40))));
        long eventsBefore = eventCount();
        eventBus.publish(events);
        assertThat(eventCount() - eventsBefore).isEqualTo(events.size());
        long position = consistency
                .positionOf(events.stream().map(EventMessage::getIdentifier).toList())
                .orElseThrow();

        // Read-your-writes: the position of the published events, sent back on the read.
        Http.Response first = http.send(
                HttpRequest.newBuilder(http.uri("/api/v1/usage/summary?days=1")).GET(),
                Map.of(ReadConsistency.TOKEN_HEADER, Long.toString(position)));
        check("GET", "/api/v1/usage/summary", first);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.header(ReadConsistency.TIMEOUT_HEADER)).isNull();
        JsonNode after1 = first.json();

        // Today: 6 calls, 1000+2000+100+10+7+1 in, 500+1000+50+5+3+1 out, priced calls only in the cost.
        assertDelta(before1, after1, 6, 3118, 1559, "0.0077502");
        assertThat(after1.get("period_days").asInt()).isEqualTo(1);
        assertJson(
                row(after1.get("by_model"), "model", priced),
                "{\"model\":\"%s\",\"provider\":\"openai\",\"calls\":3,\"tokens\":4650,\"cost_usd\":0.00775}"
                        .formatted(priced));
        assertJson(
                row(after1.get("by_model"), "model", unpriced),
                "{\"model\":\"%s\",\"provider\":\"ollama\",\"calls\":2,\"tokens\":25,\"cost_usd\":null}"
                        .formatted(unpriced));
        assertThat(first.body()).as("a cost in plain notation").contains("\"cost_usd\":0.0000002");

        // Yesterday 23:59:59 UTC belongs to yesterday: in a 2-day period, not in a 1-day one.
        JsonNode after2 = read("/api/v1/usage/summary?days=2");
        assertDelta(before2, after2, 7, 6118, 3059, "0.0152502");
        assertThat(row(after2.get("by_model"), "model", priced).get("calls").asLong())
                .isEqualTo(4);

        JsonNode after30 = read("/api/v1/usage/summary");
        assertThat(after30.get("period_days").asInt()).isEqualTo(30);
        assertDelta(before30, after30, 8, 10118, 5059, "0.0252502");
        JsonNode after365 = read("/api/v1/usage/summary?days=365");
        assertDelta(before365, after365, 9, 10218, 5159, "0.0253502");
        assertThat(row(after365.get("by_model"), "model", priced)
                        .get("cost_usd")
                        .decimalValue())
                .isEqualByComparingTo("0.02535");

        // Daily: one row per UTC day, oldest first, within the period.
        JsonNode daily = read("/api/v1/usage/daily?days=3");
        assertThat(daily.get("days").asInt()).isEqualTo(3);
        assertDayDelta(dailyBefore, daily, today.minusDays(2), 1, 6000, "0.01");
        assertDayDelta(dailyBefore, daily, today.minusDays(1), 1, 4500, "0.0075");
        assertDayDelta(dailyBefore, daily, today, 6, 4677, "0.0077502");
        List<String> dates = new ArrayList<>();
        daily.get("data").forEach(d -> dates.add(d.get("date").asText()));
        assertThat(dates).isSorted().allMatch(d -> !LocalDate.parse(d).isBefore(today.minusDays(2)));
        JsonNode oneDay = read("/api/v1/usage/daily?days=1");
        assertThat(oneDay.get("data")).allMatch(d -> d.get("date").asText().equals(today.toString()));

        // Per model, with input and output tokens and the average latency.
        JsonNode models = read("/api/v1/usage/models");
        assertThat(models.get("days").asInt()).isEqualTo(30);
        assertJson(
                row(models.get("models"), "model", priced),
                ("{\"model\":\"%s\",\"provider\":\"openai\",\"calls\":5,\"input_tokens\":10100,"
                                + "\"output_tokens\":5050,\"tokens\":15150,\"cost_usd\":0.02525,\"avg_latency_ms\":340.0}")
                        .formatted(priced));
        assertJson(
                row(models.get("models"), "model", unpriced),
                ("{\"model\":\"%s\",\"provider\":\"ollama\",\"calls\":2,\"input_tokens\":17,"
                                + "\"output_tokens\":8,\"tokens\":25,\"cost_usd\":null,\"avg_latency_ms\":235.0}")
                        .formatted(unpriced));

        // A conversation, per agent role and model, the most expensive first.
        JsonNode talk = read("/api/v1/usage/conversation/" + conversation);
        assertJson(
                talk,
                ("{\"conversation_id\":\"%s\",\"total_calls\":4,\"total_input_tokens\":3110,"
                                + "\"total_output_tokens\":1555,\"total_tokens\":4665,\"total_cost_usd\":0.00775,"
                                + "\"by_agent\":["
                                + "{\"agent_role\":\"architect\",\"model\":\"%s\",\"calls\":2,\"tokens\":4500,"
                                + "\"cost_usd\":0.0075,\"avg_latency_ms\":150.0},"
                                + "{\"agent_role\":\"critic\",\"model\":\"%s\",\"calls\":1,\"tokens\":150,"
                                + "\"cost_usd\":0.00025,\"avg_latency_ms\":300.0},"
                                + "{\"agent_role\":\"architect\",\"model\":\"%s\",\"calls\":1,\"tokens\":15,"
                                + "\"cost_usd\":null,\"avg_latency_ms\":400.0}]}")
                        .formatted(conversation, priced, priced, unpriced));
        JsonNode unknownCost = read("/api/v1/usage/conversation/" + unpricedConversation);
        assertThat(unknownCost.get("total_calls").asLong()).isEqualTo(1);
        assertThat(unknownCost.get("total_cost_usd").isNull())
                .as("every call's price unknown: null")
                .isTrue();
        JsonNode noRole = read("/api/v1/usage/conversation/" + roleless);
        assertThat(noRole.get("by_agent").get(0).get("agent_role").asText()).isEqualTo("unknown");
        assertThat(noRole.get("total_cost_usd").decimalValue()).isEqualByComparingTo("0.0000002");

        // A conversation without calls (or no conversation at all): zeros, as the original answers.
        UUID nobody = UUID.randomUUID();
        assertJson(
                read("/api/v1/usage/conversation/" + nobody),
                ("{\"conversation_id\":\"%s\",\"total_calls\":0,\"total_input_tokens\":0,"
                                + "\"total_output_tokens\":0,\"total_tokens\":0,\"total_cost_usd\":0,\"by_agent\":[]}")
                        .formatted(nobody));
        assertThat(read("/api/v1/usage/conversation/not-a-conversation")
                        .get("total_calls")
                        .asLong())
                .isZero();

        // Performance per model and role over the last 168 hours (the default): the 40-day-old call is out.
        JsonNode week = read("/api/v1/models/performance");
        // latencies 100, 200, 500, 600: p95 = 500 + 0.85 × 100
        assertJson(
                performance(week, priced, "architect"),
                ("{\"model\":\"%s\",\"agent_role\":\"architect\",\"call_count\":4,\"avg_latency_ms\":350.0,"
                                + "\"p95_latency_ms\":585.0,\"total_input_tokens\":10000,\"total_output_tokens\":5000,"
                                + "\"total_tokens\":15000,\"total_cost_usd\":0.025,\"avg_cost_per_call\":0.00625}")
                        .formatted(priced));
        assertJson(
                performance(week, priced, "critic"),
                ("{\"model\":\"%s\",\"agent_role\":\"critic\",\"call_count\":1,\"avg_latency_ms\":300.0,"
                                + "\"p95_latency_ms\":300.0,\"total_input_tokens\":100,\"total_output_tokens\":50,"
                                + "\"total_tokens\":150,\"total_cost_usd\":0.00025,\"avg_cost_per_call\":0.00025}")
                        .formatted(priced));
        // latencies 70, 400: p95 = 70 + 0.95 × 330
        assertJson(
                performance(week, unpriced, "architect"),
                ("{\"model\":\"%s\",\"agent_role\":\"architect\",\"call_count\":2,\"avg_latency_ms\":235.0,"
                                + "\"p95_latency_ms\":383.5,\"total_input_tokens\":17,\"total_output_tokens\":8,"
                                + "\"total_tokens\":25,\"total_cost_usd\":null,\"avg_cost_per_call\":null}")
                        .formatted(unpriced));
        JsonNode noRoleRow = performance(week, tiny, null);
        assertThat(noRoleRow.get("agent_role").isNull()).isTrue();
        assertThat(noRoleRow.get("total_cost_usd").decimalValue()).isEqualByComparingTo("0.0000002");

        // 24 hours: yesterday's 23:59:59 is in, the day before yesterday's noon is not. 100, 200, 500:
        // average 266.7, p95 = 200 + 0.9 × 300.
        JsonNode day = read("/api/v1/models/performance?hours=24");
        JsonNode recent = performance(day, priced, "architect");
        assertThat(recent.get("call_count").asLong()).isEqualTo(3);
        assertThat(recent.get("avg_latency_ms").asDouble()).isEqualTo(266.7);
        assertThat(recent.get("p95_latency_ms").asDouble()).isEqualTo(470.0);
        assertThat(recent.get("total_cost_usd").decimalValue()).isEqualByComparingTo("0.015");
        assertThat(recent.get("avg_cost_per_call").decimalValue()).isEqualByComparingTo("0.005");

        // One role only.
        JsonNode critics = read("/api/v1/models/performance?agent_role=critic");
        assertThat(critics).allMatch(r -> r.get("agent_role").asText().equals("critic"));
        assertThat(performance(critics, priced, "critic").get("call_count").asLong())
                .isEqualTo(1);
        assertThat(critics.toString()).doesNotContain(unpriced);

        // The usage and performance figures agree: the same calls, the same tokens and cost.
        JsonNode threeDays = read("/api/v1/usage/models?days=3");
        long performanceCalls =
                performance(week, priced, "architect").get("call_count").asLong()
                        + performance(week, priced, "critic").get("call_count").asLong();
        assertThat(row(threeDays.get("models"), "model", priced).get("calls").asLong())
                .isEqualTo(performanceCalls);

        assertThat(problems).isEmpty();
    }

    /** The usage read model is disposable: clearing and replaying it gives the same answers, nothing counted twice. */
    @Test
    void rebuildingTheUsageReadModelGivesTheSameFigures() {
        List<EventMessage<?>> events = List.of(
                call(conversation, priced, "openai", "architect", 1000, 500, 100, "0.0025", today(1)),
                call(conversation, unpriced, "ollama", "critic", 10, 5, 400, null, todayStart.minusSeconds(1)),
                call(
                        null,
                        priced,
                        "openai",
                        "architect",
                        3000,
                        1500,
                        500,
                        "0.0075",
                        todayStart.minus(Duration.ofDays(2))));
        eventBus.publish(events);
        long position = consistency
                .positionOf(events.stream().map(EventMessage::getIdentifier).toList())
                .orElseThrow();
        assertThat(consistency.awaitProcessed(position, Duration.ofSeconds(30))).isTrue();
        List<String> paths = List.of(
                "/api/v1/usage/summary?days=365",
                "/api/v1/usage/daily?days=365",
                "/api/v1/usage/models?days=365",
                "/api/v1/usage/conversation/" + conversation,
                "/api/v1/models/performance?hours=8760");
        List<String> before = paths.stream().map(p -> http.get(p).body()).toList();
        assertThat(before.get(3)).contains("\"total_calls\":2");

        Http.Response rebuild = http.post("/api/v1/projections/llm-usage/rebuild", "");
        assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> StreamSupport.stream(
                                http.get("/api/v1/projections").json().spliterator(), false)
                        .filter(p -> p.get("name").asText().equals("llm-usage"))
                        .allMatch(p -> !p.get("replaying").asBoolean()
                                && p.get("lag").isNumber()
                                && p.get("lag").asLong() == 0));

        assertThat(paths.stream().map(p -> http.get(p).body()).toList()).isEqualTo(before);
    }

    @Test
    void aPeriodOutOfRangeIsRefusedWith422AndNothingIsRecorded() {
        long events = eventCount();
        for (String path : List.of(
                "/api/v1/usage/summary?days=-3",
                "/api/v1/usage/summary?days=0",
                "/api/v1/usage/summary?days=366",
                "/api/v1/usage/daily?days=0",
                "/api/v1/usage/daily?days=400",
                "/api/v1/usage/models?days=-1",
                "/api/v1/usage/models?days=366",
                "/api/v1/models/performance?hours=0",
                "/api/v1/models/performance?hours=8761")) {
            Http.Response response = http.get(path);
            assertThat(response.status()).as(path + " " + response.body()).isEqualTo(422);
            JsonNode error = response.json().get("error");
            assertThat(error.get("code").asInt()).as(path).isEqualTo(422);
            assertThat(error.get("type").asText()).as(path).isEqualTo("validation_error");
            assertThat(error.get("correlation_id").asText()).isNotBlank();
            assertThat(response.header("X-Correlation-ID")).isNotBlank();
        }
        Http.Response notANumber = http.get("/api/v1/usage/summary?days=many");
        assertThat(notANumber.status()).as(notANumber.body()).isIn(400, 422);
        assertThat(notANumber.json().has("error")).isTrue();
        assertThat(anonymous.get("/api/v1/usage/summary").status()).isEqualTo(401);
        assertThat(eventCount()).isEqualTo(events);
    }

    private LlmCallRecorded payload(
            UUID conversationId,
            String model,
            String provider,
            String role,
            long input,
            long output,
            long latency,
            String cost,
            Instant at) {
        return new LlmCallRecorded(
                UUID.randomUUID(),
                conversationId,
                "trace-" + UUID.randomUUID(),
                provider,
                model,
                role,
                "chat",
                input,
                output,
                latency,
                cost == null ? null : new BigDecimal(cost),
                null,
                at,
                OWNER_ACTOR);
    }

    /** As chat appends it: on the conversation's stream; a call outside a conversation on none. */
    private EventMessage<?> call(
            UUID conversationId,
            String model,
            String provider,
            String role,
            long input,
            long output,
            long latency,
            String cost,
            Instant at) {
        LlmCallRecorded event = payload(conversationId, model, provider, role, input, output, latency, cost, at);
        if (conversationId == null) {
            return GenericEventMessage.asEventMessage(event);
        }
        long sequence = sequences.merge(conversationId, 0L, (a, b) -> a + 1);
        return new GenericDomainEventMessage<>("Conversation", conversationId.toString(), sequence, event);
    }

    /** A second after today's midnight (UTC), never in the future. */
    private Instant today(int seconds) {
        Instant at = todayStart.plusSeconds(seconds);
        Instant now = Instant.now();
        return at.isAfter(now) ? now : at;
    }

    private JsonNode read(String path) {
        Http.Response response = http.get(path);
        check("GET", path.replaceAll("\\?.*", ""), response);
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
        return response.json();
    }

    private void check(String method, String path, Http.Response response) {
        problems.addAll(contract.problems(method, path, response.status(), response.body()));
    }

    private static void assertDelta(JsonNode before, JsonNode after, long calls, long input, long output, String cost) {
        assertThat(after.get("total_calls").asLong() - before.get("total_calls").asLong())
                .isEqualTo(calls);
        assertThat(after.get("total_input_tokens").asLong()
                        - before.get("total_input_tokens").asLong())
                .isEqualTo(input);
        assertThat(after.get("total_output_tokens").asLong()
                        - before.get("total_output_tokens").asLong())
                .isEqualTo(output);
        assertThat(after.get("total_tokens").asLong()
                        - before.get("total_tokens").asLong())
                .isEqualTo(input + output);
        assertThat(decimal(after.get("total_cost_usd")).subtract(decimal(before.get("total_cost_usd"))))
                .isEqualByComparingTo(cost);
    }

    private static void assertDayDelta(
            JsonNode before, JsonNode after, LocalDate date, long calls, long tokens, String cost) {
        JsonNode was = row(before.get("data"), "date", date.toString());
        JsonNode is = row(after.get("data"), "date", date.toString());
        assertThat(is).as("a row for " + date + " in " + after).isNotNull();
        assertThat(is.get("calls").asLong()
                        - (was == null ? 0 : was.get("calls").asLong()))
                .isEqualTo(calls);
        assertThat(is.get("tokens").asLong()
                        - (was == null ? 0 : was.get("tokens").asLong()))
                .isEqualTo(tokens);
        assertThat(decimal(is.get("cost_usd")).subtract(was == null ? BigDecimal.ZERO : decimal(was.get("cost_usd"))))
                .isEqualByComparingTo(cost);
    }

    /** A cost as an exact decimal (as written); null (no priced call yet) counts as 0 for a difference. */
    private static BigDecimal decimal(JsonNode node) {
        return node == null || node.isNull() ? BigDecimal.ZERO : node.decimalValue();
    }

    /** Equal as JSON values (numbers by value, whatever their notation). */
    private static void assertJson(JsonNode actual, String expected) {
        try {
            assertThat(actual).isEqualTo(JSON.readTree(expected));
        } catch (JsonProcessingException e) {
            throw new AssertionError(expected, e);
        }
    }

    private static JsonNode row(JsonNode rows, String field, String value) {
        for (JsonNode row : rows) {
            if (row.get(field).asText().equals(value)) {
                return row;
            }
        }
        return null;
    }

    private static JsonNode performance(JsonNode performance, String model, String role) {
        for (JsonNode row : performance) {
            boolean sameRole = role == null
                    ? row.get("agent_role").isNull()
                    : role.equals(row.get("agent_role").asText());
            if (row.get("model").asText().equals(model) && sameRole) {
                return row;
            }
        }
        throw new AssertionError("no row for " + model + "/" + role + " in " + performance);
    }
}

package io.aether.api.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Insights over HTTP on PostgreSQL: every endpoint, the guarded transitions, every refusal, the events behind them. */
class InsightEndpointsTest extends IntegrationTest {
    private static final String INSIGHTS = "/api/v1/insights";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCreatedInsightHasTheOriginalsShapeIsListedAtOnceAndNamesThePrincipal() {
        String title = unique("Fridge uses twice the energy of last week");
        Http.Response created = http.post(INSIGHTS, insight("energy_optimization", title, "high"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode body = created.json();
        String id = body.get("id").asText();
        assertThat(created.header("Location")).isEqualTo(INSIGHTS + "/" + id);
        assertThat(body.get("type").asText()).isEqualTo("energy_optimization");
        assertThat(body.get("status").asText()).isEqualTo("generated");
        assertThat(body.get("impact").asText()).isEqualTo("high");
        assertThat(body.get("confidence").asDouble()).isEqualTo(0.8);
        assertThat(body.get("evidence").get("kwh").asDouble()).isEqualTo(12.5);
        assertThat(body.get("entities").get(0).asText()).isEqualTo("sensor.fridge_power");
        for (String field : List.of(
                "description",
                "script_path",
                "script_output",
                "mlflow_run_id",
                "conversation_id",
                "task_label",
                "created_at",
                "reviewed_at",
                "actioned_at")) {
            assertThat(body.has(field)).as(field).isTrue();
        }
        assertThat(body.get("reviewed_at").isNull()).isTrue();

        // a list read right after the command answer reflects it
        assertThat(ids(http.get(INSIGHTS + "?limit=500").json())).contains(id);
        assertThat(ids(http.get(INSIGHTS + "/pending?limit=500").json())).contains(id);
        assertThat(http.get(INSIGHTS + "/" + id).json()).isEqualTo(body);

        JsonNode event = parse(jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? AND sequence_number = 0")
                .param(id)
                .query(String.class)
                .single());
        assertThat(event.get("actor").get("type").asText()).isEqualTo("user");
        assertThat(event.get("actor").get("id").asText()).isEqualTo(OWNER);
        JsonNode metadata = parse(jdbc.sql("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? AND sequence_number = 0")
                .param(id)
                .query(String.class)
                .single());
        assertThat(metadata.get("correlation_id").asText()).isNotBlank();
    }

    @Test
    void reviewThenActIsRecordedOnceEachAndActedUponIsFinal() {
        String id = createInsight("anomaly", "medium");
        Http.Response reviewed = http.post(
                INSIGHTS + "/" + id + "/review", "{\"reviewed_by\": \"Kitchen tablet\", \"comment\": \"looks right\"}");
        assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(200);
        assertThat(reviewed.json().get("status").asText()).isEqualTo("reviewed");
        assertThat(reviewed.json().get("reviewed_at").isNull()).isFalse();

        long before = eventCount();
        Http.Response again = http.post(INSIGHTS + "/" + id + "/review", "{}");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("status").asText()).isEqualTo("reviewed");
        assertThat(eventCount()).as("repeating the action records nothing").isEqualTo(before);

        Http.Response acted = http.post(INSIGHTS + "/" + id + "/action", "{\"action_taken\": \"unplugged it\"}");
        assertThat(acted.status()).as(acted.body()).isEqualTo(200);
        assertThat(acted.json().get("status").asText()).isEqualTo("acted_upon");
        assertThat(acted.json().get("actioned_at").isNull()).isFalse();
        assertThat(acted.json().get("reviewed_at")).isEqualTo(reviewed.json().get("reviewed_at"));

        before = eventCount();
        assertThat(http.post(INSIGHTS + "/" + id + "/action", "{}").status()).isEqualTo(200);
        Http.Response dismiss = http.post(INSIGHTS + "/" + id + "/dismiss", "{\"reason\": \"too late\"}");
        assertThat(dismiss.status()).as(dismiss.body()).isEqualTo(409);
        assertThat(dismiss.json().get("error").get("type").asText()).isEqualTo("conflict");
        assertThat(dismiss.json().get("error").get("message").asText()).contains("acted_upon");
        assertThat(http.post(INSIGHTS + "/" + id + "/review", "{}").status()).isEqualTo(409);
        assertThat(eventCount()).isEqualTo(before);

        JsonNode history = http.get(INSIGHTS + "/" + id + "/history").json();
        List<String> types = new ArrayList<>();
        history.get("events").forEach(e -> types.add(e.get("event_type").asText()));
        assertThat(types).containsExactly("InsightCreated", "InsightReviewed", "InsightActedUpon");
        JsonNode review = history.get("events").get(1);
        assertThat(review.get("actor").get("id").asText()).isEqualTo(OWNER);
        assertThat(review.get("label").asText()).isEqualTo("Kitchen tablet");
        assertThat(review.get("payload").get("comment").asText()).isEqualTo("looks right");
    }

    @Test
    void aGeneratedInsightCanBeDismissedAndADismissedOneIsFinal() {
        String id = createInsight("device_health", "low");
        Http.Response dismissed = http.post(INSIGHTS + "/" + id + "/dismiss", "{\"reason\": \"known issue\"}");
        assertThat(dismissed.status()).as(dismissed.body()).isEqualTo(200);
        assertThat(dismissed.json().get("status").asText()).isEqualTo("dismissed");
        assertThat(dismissed.json().get("dismissed_at").isNull()).isFalse();
        assertThat(ids(http.get(INSIGHTS + "?status=dismissed&limit=500").json()))
                .contains(id);
        assertThat(ids(http.get(INSIGHTS + "/pending?limit=500").json())).doesNotContain(id);

        long before = eventCount();
        assertThat(http.post(INSIGHTS + "/" + id + "/dismiss", "{}").status()).isEqualTo(200);
        assertThat(http.post(INSIGHTS + "/" + id + "/review", "{}").status()).isEqualTo(409);
        assertThat(http.post(INSIGHTS + "/" + id + "/action", "{}").status()).isEqualTo(409);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void filtersAndTheSummaryCountEveryInsightOnce() {
        JsonNode summaryBefore = http.get(INSIGHTS + "/summary").json();
        String critical = createInsight("security_audit", "critical");
        String low = createInsight("security_audit", "low");
        createInsight("comfort_analysis", "medium");
        http.post(INSIGHTS + "/" + low + "/review", "{}");

        JsonNode audits = http.get(INSIGHTS + "?type=security_audit&limit=500").json();
        assertThat(ids(audits)).contains(critical, low);
        audits.get("items").forEach(i -> assertThat(i.get("type").asText()).isEqualTo("security_audit"));
        assertThat(audits.get("total").asLong()).isEqualTo(audits.get("items").size());
        JsonNode reviewedAudits = http.get(INSIGHTS + "?type=security_audit&status=reviewed&limit=500")
                .json();
        assertThat(ids(reviewedAudits)).contains(low).doesNotContain(critical);

        JsonNode page =
                http.get(INSIGHTS + "?type=security_audit&limit=1&offset=1").json();
        assertThat(page.get("limit").asInt()).isEqualTo(1);
        assertThat(page.get("offset").asInt()).isEqualTo(1);
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("id").asText())
                .isEqualTo(audits.get("items").get(1).get("id").asText());

        JsonNode summary = http.get(INSIGHTS + "/summary").json();
        assertThat(summary.get("total").asLong() - summaryBefore.get("total").asLong())
                .isEqualTo(3);
        assertThat(delta(summary, summaryBefore, "by_type", "security_audit")).isEqualTo(2);
        assertThat(delta(summary, summaryBefore, "by_type", "comfort_analysis")).isEqualTo(1);
        assertThat(delta(summary, summaryBefore, "by_status", "reviewed")).isEqualTo(1);
        assertThat(summary.get("pending_count").asLong()
                        - summaryBefore.get("pending_count").asLong())
                .isEqualTo(2);
        assertThat(summary.get("high_impact_count").asLong()
                        - summaryBefore.get("high_impact_count").asLong())
                .isEqualTo(1);
    }

    @Test
    void aDeletedInsightLeavesTheListsButKeepsItsHistory() {
        String id = createInsight("pattern", "medium");
        long total = http.get(INSIGHTS + "/summary").json().get("total").asLong();
        Http.Response deleted = http.delete(INSIGHTS + "/" + id);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);

        assertThat(http.get(INSIGHTS + "/" + id).status()).isEqualTo(404);
        assertThat(ids(http.get(INSIGHTS + "?limit=500").json())).doesNotContain(id);
        assertThat(http.get(INSIGHTS + "/summary").json().get("total").asLong()).isEqualTo(total - 1);
        JsonNode events = http.get(INSIGHTS + "/" + id + "/history").json().get("events");
        assertThat(events.get(events.size() - 1).get("event_type").asText()).isEqualTo("InsightDeleted");
        assertThat(events.get(events.size() - 1).get("actor").get("id").asText())
                .isEqualTo(OWNER);

        long before = eventCount();
        assertThat(http.delete(INSIGHTS + "/" + id).status()).isEqualTo(404);
        assertThat(http.post(INSIGHTS + "/" + id + "/review", "{}").status()).isEqualTo(404);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void badInputIsRefusedAndRecordsNothing() {
        long before = eventCount();
        assertStatus(http.post(INSIGHTS, insight("no_such_type", "x", "high")), 400, 422);
        assertStatus(http.post(INSIGHTS, insight("anomaly", "x", "enormous")), 400, 422);
        assertStatus(http.post(INSIGHTS, insight("anomaly", "x", "high").replace("0.8", "1.5")), 422);
        assertStatus(http.post(INSIGHTS, insight("anomaly", "x", "high").replace("0.8", "\"much\"")), 400, 422);
        assertStatus(http.post(INSIGHTS, insight("anomaly", "x", "high").replace("{\"kwh\": 12.5}", "[1, 2]")), 422);
        assertStatus(http.post(INSIGHTS, "{\"type\": \"anomaly\", \"title\": \"no evidence\"}"), 422);
        assertStatus(http.post(INSIGHTS, insight("anomaly", "x".repeat(501), "high")), 422);
        assertStatus(http.post(INSIGHTS, "{\"type\": \"anomaly\", "), 400);
        assertStatus(http.get(INSIGHTS + "?status=pending"), 400);
        assertStatus(http.get(INSIGHTS + "?type=nonsense"), 400);
        assertStatus(http.get(INSIGHTS + "?limit=0"), 400, 422);
        assertStatus(http.get(INSIGHTS + "/not-a-uuid"), 400, 404);

        String id = createInsight("recommendation", "low");
        before = eventCount();
        assertStatus(http.post(INSIGHTS + "/" + id + "/review", "{\"reviewed_by\": 42, \"comment\": []}"), 400, 422);
        assertStatus(http.post(INSIGHTS + "/" + id + "/review", (String) null), 400, 415, 422);
        String missing = UUID.randomUUID().toString();
        assertStatus(http.get(INSIGHTS + "/" + missing), 404);
        assertStatus(http.get(INSIGHTS + "/" + missing + "/history"), 404);
        assertStatus(http.post(INSIGHTS + "/" + missing + "/dismiss", "{}"), 404);
        assertThat(eventCount()).isEqualTo(before);
        assertThat(http.get(INSIGHTS + "/" + id).json().get("status").asText()).isEqualTo("generated");
        assertThat(anonymous.get(INSIGHTS).status()).isEqualTo(401);
    }

    @Test
    void actingWithCreateAutomationCreatesTheSuggestedProposalAndLinksBoth() {
        String suggestion = """
                {"name": "Hall light at motion after sunset",
                 "trigger": [{"trigger": "state", "entity_id": ["binary_sensor.hall_motion"], "to": ["on"]}],
                 "conditions": [{"condition": "sun", "after": "sunset"}],
                 "actions": [{"action": "light.turn_on", "target": {"entity_id": "light.hall"}}]}""";
        Http.Response created = http.post(
                INSIGHTS,
                insight("automation_gap", unique("Hall light by hand"), "medium")
                        .replace("{\"kwh\": 12.5}", "{\"days\": 5, \"suggested_automation\": " + suggestion + "}"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();

        Http.Response acted = http.post(
                INSIGHTS + "/" + id + "/action", "{\"create_automation\": true, \"action_taken\": \"automate it\"}");
        assertThat(acted.status()).as(acted.body()).isEqualTo(200);
        assertThat(acted.json().get("status").asText()).isEqualTo("acted_upon");
        String proposalId = acted.json().get("proposal_id").asText();

        JsonNode proposal = proposal(proposalId);
        assertThat(proposal.get("status").asText()).isEqualTo("proposed");
        assertThat(proposal.get("source_insight_id").asText()).isEqualTo(id);
        assertThat(proposal.get("name").asText()).isEqualTo("Hall light at motion after sunset");
        assertThat(proposal.get("conditions").get(0).get("condition").asText()).isEqualTo("sun");
        JsonNode listed = item(http.get("/api/v1/proposals?limit=500").json(), proposalId);
        assertThat(listed.get("source_insight_id").asText()).isEqualTo(id);
        assertThat(http.get(INSIGHTS + "/" + id).json().get("proposal_id").asText())
                .isEqualTo(proposalId);
        assertThat(item(http.get(INSIGHTS + "?limit=500").json(), id)
                        .get("proposal_id")
                        .asText())
                .isEqualTo(proposalId);
        JsonNode events = http.get(INSIGHTS + "/" + id + "/history").json().get("events");
        assertThat(events.get(events.size() - 1)
                        .get("payload")
                        .get("proposalId")
                        .asText())
                .isEqualTo(proposalId);

        long before = eventCount();
        Http.Response again = http.post(INSIGHTS + "/" + id + "/action", "{\"create_automation\": true}");
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(eventCount()).as("no second proposal").isEqualTo(before);
    }

    @Test
    void createAutomationWithoutAUsableSuggestionIsRefusedAndRecordsNothing() {
        String none = createInsight("recommendation", "low");
        Http.Response broken = http.post(
                INSIGHTS,
                insight("automation_gap", unique("no trigger"), "low")
                        .replace(
                                "{\"kwh\": 12.5}",
                                "{\"suggested_automation\": {\"name\": \"No trigger\", \"mode\": \"sometimes\"}}"));
        String bad = broken.json().get("id").asText();
        long before = eventCount();

        Http.Response missing = http.post(INSIGHTS + "/" + none + "/action", "{\"create_automation\": true}");
        assertStatus(missing, 422);
        assertThat(missing.json().get("error").get("message").asText()).contains("suggested_automation");
        Http.Response invalid = http.post(INSIGHTS + "/" + bad + "/action", "{\"create_automation\": true}");
        assertStatus(invalid, 422);
        assertThat(invalid.json().get("error").get("message").asText()).contains("mode");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(http.get(INSIGHTS + "/" + bad).json().get("status").asText()).isEqualTo("generated");
    }

    @Test
    void aRebuildReplaysTheListToTheSameRows() {
        String id = createInsight("correlation", "medium");
        http.post(INSIGHTS + "/" + id + "/review", "{}");
        http.delete(INSIGHTS + "/" + createInsight("correlation", "low"));
        JsonNode list = http.get(INSIGHTS + "?limit=500").json();
        JsonNode summary = http.get(INSIGHTS + "/summary").json();

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> http.post("/api/v1/projections/insight-list/rebuild", "")
                                .status()
                        == 202);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> http.get(INSIGHTS + "?limit=500").json().equals(list)
                        && http.get(INSIGHTS + "/summary").json().equals(summary));
    }

    private String createInsight(String type, String impact) {
        Http.Response created = http.post(INSIGHTS, insight(type, unique("insight"), impact));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static String insight(String type, String title, String impact) {
        return """
                {"type": "%s", "title": "%s", "description": "Measured over the last 7 days",
                 "evidence": {"kwh": 12.5}, "confidence": 0.8, "impact": "%s",
                 "entities": ["sensor.fridge_power"]}""".formatted(type, title, impact);
    }

    private static void assertStatus(Http.Response response, Integer... allowed) {
        assertThat(response.status()).as(response.body()).isIn((Object[]) allowed);
        if (response.status() != 404 || !response.body().isBlank()) {
            assertThat(response.json().has("error")).as(response.body()).isTrue();
        }
    }

    private static long delta(JsonNode after, JsonNode before, String map, String key) {
        return after.get(map).path(key).asLong() - before.get(map).path(key).asLong();
    }

    /** The item of a list answer with this id. */
    private static JsonNode item(JsonNode list, String id) {
        for (JsonNode item : list.get("items")) {
            if (item.get("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no item " + id + " in " + list);
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.get("items").forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }

    private static String unique(String title) {
        return title + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

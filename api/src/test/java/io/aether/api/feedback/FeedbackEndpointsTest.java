package io.aether.api.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Model ratings and flow grades: each one an event with the principal, read back at once from
 * their read models; a rating without a config takes the agent's active one; a grade of the same
 * conversation and span replaces the earlier one; bad input is refused with nothing recorded.
 */
class FeedbackEndpointsTest extends IntegrationTest {

    @Test
    void aRatingIsRecordedListedAndSummarised() {
        http.post("/api/v1/agents/seed", (String) null);
        String model = "model-" + UUID.randomUUID();
        long events = eventCount();

        Http.Response first = http.post("/api/v1/models/ratings", """
                {"model_name": "%s", "agent_role": "architect", "rating": 4, "notes": "good plans"}""".formatted(model));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        JsonNode rating = first.json();
        assertThat(rating.get("rating").asInt()).isEqualTo(4);
        assertThat(rating.get("notes").asText()).isEqualTo("good plans");
        assertThat(rating.get("config_snapshot").get("model_name").isTextual())
                .as("the architect's active config was taken: " + rating)
                .isTrue();
        assertThat(rating.get("created_at").asText())
                .isEqualTo(rating.get("updated_at").asText());

        Http.Response second = http.post("/api/v1/models/ratings", """
                {"model_name": "%s", "agent_role": "architect", "rating": 1, "config_snapshot": {"temperature": 0.2}}""".formatted(model));
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.json().get("config_snapshot").get("temperature").asDouble())
                .isEqualTo(0.2);
        Http.Response other = http.post("/api/v1/models/ratings", """
                {"model_name": "%s", "agent_role": "critic", "rating": 5}""".formatted(model));
        assertThat(other.status()).as(other.body()).isEqualTo(201);
        assertThat(other.json().get("config_snapshot").isNull())
                .as("no agent named critic")
                .isTrue();
        assertThat(eventCount() - events).isEqualTo(3);

        JsonNode list = http.get("/api/v1/models/ratings?model_name=" + model + "&agent_role=architect")
                .json();
        assertThat(list.get("total").asLong()).isEqualTo(2);
        assertThat(list.get("items").get(0).get("id").asText())
                .as("newest first")
                .isEqualTo(second.json().get("id").asText());
        assertThat(http.get("/api/v1/models/ratings?model_name=" + model + "&limit=1")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(3);

        JsonNode summary =
                http.get("/api/v1/models/summary?agent_role=architect").json();
        JsonNode mine = null;
        for (JsonNode row : summary) {
            if (row.get("model_name").asText().equals(model)) {
                mine = row;
            }
        }
        assertThat(mine).as(summary.toString()).isNotNull();
        assertThat(mine.get("avg_rating").asDouble()).isEqualTo(2.5);
        assertThat(mine.get("rating_count").asLong()).isEqualTo(2);
        assertThat(mine.get("latest_config").get("temperature").asDouble()).isEqualTo(0.2);

        String actor = jdbc.sql("""
                        SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry
                        WHERE aggregate_identifier = :id""")
                .param("id", rating.get("id").asText())
                .query(String.class)
                .single();
        assertThat(actor).contains(OWNER);
    }

    @Test
    void gradingAgainReplacesTheGradeAndAWithdrawnGradeIsGone() {
        String conversation = "conv-" + UUID.randomUUID();
        long events = eventCount();
        Http.Response up = http.post("/api/v1/flow-grades", """
                {"conversation_id": "%s", "grade": 1}""".formatted(conversation));
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        Http.Response down = http.post("/api/v1/flow-grades", """
                {"conversation_id": "%s", "grade": -1, "comment": "wrong room"}""".formatted(conversation));
        assertThat(down.status()).as(down.body()).isEqualTo(201);
        assertThat(down.json().get("id").asText())
                .as("the same conversation and span is one grade")
                .isEqualTo(up.json().get("id").asText());
        Http.Response step = http.post("/api/v1/flow-grades", """
                {"conversation_id": "%s", "grade": 1, "span_id": "span-7", "agent_role": "architect"}""".formatted(conversation));
        assertThat(step.status()).as(step.body()).isEqualTo(201);
        Http.Response repeated = http.post("/api/v1/flow-grades", """
                {"conversation_id": "%s", "grade": 1, "span_id": "span-7", "agent_role": "architect"}""".formatted(conversation));
        assertThat(repeated.status()).isEqualTo(201);
        assertThat(eventCount() - events)
                .as("the repeated grade recorded nothing")
                .isEqualTo(3);

        JsonNode grades = http.get("/api/v1/flow-grades/" + conversation).json();
        assertThat(grades.get("conversation_id").asText()).isEqualTo(conversation);
        assertThat(grades.get("total_grades").asInt()).isEqualTo(2);
        assertThat(grades.get("overall").get("grade").asInt()).isEqualTo(-1);
        assertThat(grades.get("overall").get("comment").asText()).isEqualTo("wrong room");
        assertThat(grades.get("steps")).hasSize(1);
        assertThat(grades.get("steps").get(0).get("span_id").asText()).isEqualTo("span-7");

        assertThat(http.delete("/api/v1/flow-grades/" + up.json().get("id").asText())
                        .status())
                .isEqualTo(204);
        JsonNode after = http.get("/api/v1/flow-grades/" + conversation).json();
        assertThat(after.get("total_grades").asInt()).isEqualTo(1);
        assertThat(after.get("overall").isNull()).isTrue();
        assertThat(http.delete("/api/v1/flow-grades/" + up.json().get("id").asText())
                        .status())
                .isEqualTo(404);
        assertThat(http.delete("/api/v1/flow-grades/" + UUID.randomUUID()).status())
                .isEqualTo(404);
        assertThat(http.delete("/api/v1/flow-grades/not-a-grade").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/flow-grades/no-such-conversation")
                        .json()
                        .get("total_grades")
                        .asInt())
                .isZero();
    }

    @Test
    void badRatingsAndGradesAreRefusedWithNothingRecorded() {
        long events = eventCount();
        assertRefused(
                http.post("/api/v1/models/ratings", "{\"model_name\": \"m\", \"agent_role\": \"a\", \"rating\": 9}"),
                422);
        assertRefused(
                http.post("/api/v1/models/ratings", "{\"model_name\": \"m\", \"agent_role\": \"a\", \"rating\": 0}"),
                422);
        assertRefused(http.post("/api/v1/models/ratings", "{\"agent_role\": \"a\", \"rating\": 3}"), 422);
        assertRefused(
                http.post(
                        "/api/v1/models/ratings",
                        "{\"model_name\": \"m\", \"agent_role\": \"a\", \"rating\": \"five\"}"),
                400);
        assertRefused(
                http.post(
                        "/api/v1/models/ratings",
                        "{\"model_name\": \"m\", \"agent_role\": \"a\", \"rating\": 3, \"config_snapshot\": [1]}"),
                422);
        assertRefused(
                http.post(
                        "/api/v1/models/ratings",
                        "{\"model_name\": \"m\", \"agent_role\": \"" + "r".repeat(51) + "\", \"rating\": 3}"),
                422);
        assertRefused(http.post("/api/v1/flow-grades", "{\"conversation_id\": \"c\", \"grade\": 5}"), 422);
        assertRefused(http.post("/api/v1/flow-grades", "{\"conversation_id\": \"c\", \"grade\": 0}"), 422);
        assertRefused(http.post("/api/v1/flow-grades", "{\"grade\": 1}"), 422);
        assertRefused(
                http.post(
                        "/api/v1/flow-grades",
                        "{\"conversation_id\": \"c\", \"grade\": 1, \"comment\": \"" + "x".repeat(2001) + "\"}"),
                422);
        assertRefused(http.post("/api/v1/flow-grades", "{\"conversation_id\": \"c\", \"grade\": "), 400);
        assertRefused(http.get("/api/v1/models/ratings?limit=0"), 422);
        assertThat(eventCount()).isEqualTo(events);
        assertThat(anonymous
                        .post("/api/v1/flow-grades", "{\"conversation_id\": \"c\", \"grade\": 1}")
                        .status())
                .isEqualTo(401);
    }

    private static void assertRefused(Http.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("error").get("type").isTextual()).isTrue();
    }
}

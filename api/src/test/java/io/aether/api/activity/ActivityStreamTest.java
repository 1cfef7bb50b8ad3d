package io.aether.api.activity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import io.aether.api.support.Sse;
import io.aether.api.support.Sse.Event;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** GET /api/v1/activity/stream: jobs starting and ending, in the original's type:"job" shapes. */
class ActivityStreamTest extends IntegrationTest {

    @Test
    void aDeploymentStartsAndCompletesOnTheStreamAsInTheJobList() throws Exception {
        String name = unique("Streamed");
        String id = createApproved(name);
        try (Sse stream = Sse.open(http, "/api/v1/activity/stream", null)) {
            assertThat(stream.nextComment()).isEqualTo(": stream open");
            Instant before = Instant.now();
            deploy(id, true);

            Event start = stream.nextEvent();
            assertThat(start.type())
                    .as("a plain data message, as the original sends")
                    .isNull();
            assertThat(start.id()).isPositive();
            JsonNode data = start.data();
            assertThat(data.get("type").asText()).isEqualTo("job");
            assertThat(data.get("event").asText()).isEqualTo("start");
            assertThat(data.get("job_type").asText()).isEqualTo("deployment");
            assertThat(data.get("title").asText()).isEqualTo("Deploy '" + name + "'");
            assertThat(data.get("ts").isNumber()).isTrue();
            assertThat(data.get("ts").asDouble())
                    .isBetween(before.getEpochSecond() - 1.0, Instant.now().getEpochSecond() + 1.0);
            String jobId = data.get("job_id").asText();

            Event complete = stream.nextEvent();
            assertThat(complete.id()).isGreaterThan(start.id());
            assertThat(complete.data().get("event").asText()).isEqualTo("complete");
            assertThat(complete.data().get("job_id").asText()).isEqualTo(jobId);
            assertThat(complete.data().get("title").asText()).isEqualTo("Deploy '" + name + "'");
            assertThat(complete.data().has("error")).isFalse();

            JsonNode listed = StreamSupport.stream(
                            http.get("/api/v1/jobs?job_type=deployment&limit=200")
                                    .json()
                                    .get("jobs")
                                    .spliterator(),
                            false)
                    .filter(j -> j.get("job_id").asText().equals(jobId))
                    .findFirst()
                    .orElseThrow();
            assertThat(listed.get("title").asText()).isEqualTo(data.get("title").asText());
            assertThat(listed.get("status").asText()).isEqualTo("completed");

            // Other events (a new proposal, an approval) are not activity.
            createApproved(unique("Quiet"));
            assertThat(stream.nextComment()).isEqualTo(": heartbeat");
            assertThat(stream.eventsSoFar()).isEmpty();
        }
    }

    @Test
    void aFailedDeploymentEndsWithItsError() throws Exception {
        String id = createApproved(unique("Fails"));
        try (Sse stream = Sse.open(http, "/api/v1/activity/stream", null)) {
            assertThat(stream.nextComment()).isEqualTo(": stream open");
            HA.setAvailable(false);
            Http.Response answer = deploy(id, false);
            HA.setAvailable(true);

            Event start = stream.nextEvent();
            assertThat(start.data().get("event").asText()).isEqualTo("start");
            Event failed = stream.nextEvent();
            assertThat(failed.data().get("event").asText()).isEqualTo("failed");
            assertThat(failed.data().get("job_id")).isEqualTo(start.data().get("job_id"));
            assertThat(failed.data().get("job_type").asText()).isEqualTo("deployment");
            assertThat(failed.data().get("error").asText())
                    .isEqualTo(answer.json().get("error").asText());
        }
    }

    /** A client that saw a job start resumes with Last-Event-ID and gets the rest, once. */
    @Test
    void resumesAfterLastEventIdWithRollbacksToo() throws Exception {
        String name = unique("Resumed");
        String id = createApproved(name);
        long startId;
        try (Sse stream = Sse.open(http, "/api/v1/activity/stream", null)) {
            assertThat(stream.nextComment()).isEqualTo(": stream open");
            deploy(id, true);
            startId = stream.nextEvent().id();
        }
        Http.Response rollback = http.post("/api/v1/proposals/" + id + "/rollback", "{}");
        assertThat(rollback.status()).as(rollback.body()).isEqualTo(200);

        try (Sse resumed = Sse.open(http, "/api/v1/activity/stream", startId)) {
            Event complete = resumed.nextEvent();
            assertThat(complete.id()).isGreaterThan(startId);
            assertThat(complete.data().get("event").asText()).isEqualTo("complete");
            assertThat(complete.data().get("job_type").asText()).isEqualTo("deployment");

            Event rollbackStart = resumed.nextEvent();
            assertThat(rollbackStart.data().get("event").asText()).isEqualTo("start");
            assertThat(rollbackStart.data().get("job_type").asText()).isEqualTo("rollback");
            assertThat(rollbackStart.data().get("title").asText()).matches("Roll back '" + name + "' to version \\d+");
            Event rollbackEnd = resumed.nextEvent();
            assertThat(rollbackEnd.data().get("event").asText()).isEqualTo("complete");
            assertThat(rollbackEnd.data().get("job_id"))
                    .isEqualTo(rollbackStart.data().get("job_id"));
            assertThat(rollbackEnd.data().get("title"))
                    .isEqualTo(rollbackStart.data().get("title"));

            assertThat(resumed.nextComment()).isEqualTo(": heartbeat");
            assertThat(resumed.eventsSoFar()).isEmpty();
        }
    }

    @Test
    void aMalformedLastEventIdIs400() {
        Http.Response response = http.send(
                HttpRequest.newBuilder(http.uri("/api/v1/activity/stream")).GET(), Map.of("Last-Event-ID", "-3"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").get("code").asText()).isNotBlank();
    }

    private Http.Response deploy(String id, boolean succeeds) {
        Http.Response answer = http.post("/api/v1/proposals/" + id + "/deploy", "{}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("success").asBoolean()).as(answer.body()).isEqualTo(succeeds);
        return answer;
    }

    private String createApproved(String name) {
        String id = create(AUTOMATION.replace("Hall light on motion", name));
        assertThat(http.post("/api/v1/proposals/" + id + "/approve", "{}").status())
                .isEqualTo(200);
        return id;
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}

package io.aether.api.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Insight schedules over HTTP: CRUD with the original's refusals, and runs that are analysis jobs
 * whose outcome becomes the schedule's last_result.
 */
class InsightScheduleTest extends IntegrationTest {
    private static final String SCHEDULES = "/api/v1/insight-schedules";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private InsightScheduleService schedules;

    @Test
    void aScheduleIsCreatedReadUpdatedAndDeletedAsEventsOfThePrincipal() throws Exception {
        String name = "Nightly health " + UUID.randomUUID();
        Http.Response created = http.post(SCHEDULES, """
                {"name": "%s", "analysis_type": "device_health", "trigger_type": "cron",
                 "cron_expression": "0 2 * * *", "entity_ids": ["light.a"], "hours": 48,
                 "options": {"battery_threshold": 30}}""".formatted(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode body = created.json();
        String id = body.get("id").asText();
        assertThat(created.header("Location")).isEqualTo(SCHEDULES + "/" + id);
        assertThat(body.get("name").asText()).isEqualTo(name);
        assertThat(body.get("enabled").asBoolean()).isTrue();
        assertThat(body.get("trigger_type").asText()).isEqualTo("cron");
        assertThat(body.get("cron_expression").asText()).isEqualTo("0 2 * * *");
        assertThat(body.get("hours").asInt()).isEqualTo(48);
        assertThat(body.get("options").get("battery_threshold").asInt()).isEqualTo(30);
        assertThat(body.get("run_count").asInt()).isZero();
        assertThat(body.get("last_run_at").isNull()).isTrue();
        assertThat(body.get("last_result").isNull()).isTrue();
        assertThat(body.has("webhook_event")).isTrue();

        assertThat(http.get(SCHEDULES + "/" + id).json()).isEqualTo(body);
        assertThat(ids(http.get(SCHEDULES + "?trigger_type=cron&limit=500").json()))
                .contains(id);
        assertThat(ids(http.get(SCHEDULES + "?trigger_type=webhook&limit=500").json()))
                .doesNotContain(id);

        Http.Response updated = http.put(SCHEDULES + "/" + id, "{\"enabled\": false, \"hours\": 12}");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("enabled").asBoolean()).isFalse();
        assertThat(updated.json().get("hours").asInt()).isEqualTo(12);
        assertThat(updated.json().get("name").asText())
                .as("unnamed fields stay")
                .isEqualTo(name);
        assertThat(ids(http.get(SCHEDULES + "?enabled_only=true&limit=500").json()))
                .doesNotContain(id);

        List<JsonNode> events = events(id);
        assertThat(events).hasSize(2);
        assertThat(events.get(1).get("settings").get("hours").asInt())
                .as("the update records the whole content")
                .isEqualTo(12);
        assertThat(events.get(1).get("settings").get("name").asText()).isEqualTo(name);
        assertThat(events.get(1).get("actor").get("id").asText()).isEqualTo(OWNER);

        assertThat(http.delete(SCHEDULES + "/" + id).status()).isEqualTo(204);
        assertThat(http.get(SCHEDULES + "/" + id).status()).isEqualTo(404);
        assertThat(ids(http.get(SCHEDULES + "?limit=500").json())).doesNotContain(id);
        assertThat(http.delete(SCHEDULES + "/" + id).status()).isEqualTo(404);
        assertThat(http.post(SCHEDULES + "/" + id + "/run", "").status()).isEqualTo(404);
        assertThat(events(id)).hasSize(3);
    }

    @Test
    void badSchedulesAreRefusedAsTheOriginalDidAndRecordNothing() {
        String id = http.post(SCHEDULES, """
                        {"name": "Webhook health", "analysis_type": "device_health", "trigger_type": "webhook",
                         "webhook_event": "device_offline", "webhook_filter": {"entity_id": "light.*"}}""").json().get("id").asText();
        long before = eventCount();
        assertThat(post("{\"name\": \"x\", \"analysis_type\": \"device_health\", \"trigger_type\": \"cron\"}"))
                .isEqualTo(400);
        assertThat(post("{\"name\": \"x\", \"analysis_type\": \"device_health\", \"trigger_type\": \"webhook\"}"))
                .isEqualTo(400);
        for (String cron : List.of("61 * * * *", "not a cron", "0 0 2 * * *", "* * * *")) {
            assertThat(post("{\"name\": \"x\", \"analysis_type\": \"device_health\", \"trigger_type\": \"cron\","
                            + " \"cron_expression\": \"" + cron + "\"}"))
                    .as(cron)
                    .isEqualTo(400);
        }
        assertThat(post("{\"name\": \"x\", \"analysis_type\": \"astrology\", \"trigger_type\": \"webhook\","
                        + " \"webhook_event\": \"e\"}"))
                .isEqualTo(422);
        assertThat(post("{\"name\": \"\", \"analysis_type\": \"device_health\", \"trigger_type\": \"webhook\","
                        + " \"webhook_event\": \"e\"}"))
                .isEqualTo(422);
        assertThat(post("{\"name\": \"x\", \"analysis_type\": \"device_health\", \"trigger_type\": \"event\","
                        + " \"webhook_event\": \"e\"}"))
                .isEqualTo(422);
        assertThat(post("{\"name\": \"x\", \"analysis_type\": \"device_health\", \"trigger_type\": \"webhook\","
                        + " \"webhook_event\": \"e\", \"hours\": 8761}"))
                .isEqualTo(422);
        assertThat(post("{\"name\": ")).isEqualTo(400);
        Http.Response empty = http.put(SCHEDULES + "/" + id, "{}");
        assertThat(empty.status()).as(empty.body()).isEqualTo(400);
        assertThat(empty.json().get("error").get("message").asText()).contains("No fields");
        assertThat(http.put(SCHEDULES + "/" + id, "{\"hours\": 0}").status()).isEqualTo(422);
        assertThat(http.put(SCHEDULES + "/" + UUID.randomUUID(), "{\"hours\": 3}")
                        .status())
                .isEqualTo(404);
        assertThat(eventCount()).isEqualTo(before);

        assertThat(http.get(SCHEDULES + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(http.post(SCHEDULES + "/" + UUID.randomUUID() + "/run", "").status())
                .isEqualTo(404);
        assertThat(anonymous.get(SCHEDULES).status()).isEqualTo(401);
        assertThat(anonymous.post(SCHEDULES + "/" + id + "/run", "").status()).isEqualTo(401);
    }

    @Test
    void aRunIsAnAnalysisJobWhoseOutcomeBecomesTheLastResult() throws Exception {
        // disabled: a manual run still runs it (as the original)
        String id = http.post(SCHEDULES, """
                        {"name": "Health by hand", "analysis_type": "device_health", "trigger_type": "cron",
                         "cron_expression": "*/5 * * * *", "enabled": false,
                         "entity_ids": ["sensor.nothing_here"]}""").json().get("id").asText();
        Http.Response run = http.post(SCHEDULES + "/" + id + "/run", "");
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        assertThat(run.json().get("status").asText()).isEqualTo("queued");
        assertThat(run.json().get("schedule_id").asText()).isEqualTo(id);
        String jobId = run.json().get("job_id").asText();

        JsonNode schedule = awaitResult(id, 1);
        assertThat(schedule.get("last_result").asText()).as(schedule.toString()).isEqualTo("success");
        assertThat(schedule.get("run_count").asInt()).isEqualTo(1);
        assertThat(schedule.get("last_run_at").isNull()).isFalse();
        assertThat(schedule.get("last_job_id").asText()).isEqualTo(jobId);
        assertThat(schedule.get("last_error").isNull()).isTrue();
        assertThat(http.get("/api/v1/insights/analyze/" + jobId)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("completed");

        JsonNode started = events(id).get(1);
        assertThat(started.get("jobId").asText()).isEqualTo(jobId);
        assertThat(started.get("trigger").asText()).isEqualTo("manual");
        assertThat(started.get("actor").get("id").asText()).isEqualTo(OWNER);

        HA.setAvailable(false);
        try {
            Http.Response failing = http.post(SCHEDULES + "/" + id + "/run", "");
            assertThat(failing.status()).as(failing.body()).isEqualTo(200);
            JsonNode failed = awaitResult(id, 2);
            assertThat(failed.get("last_result").asText()).isEqualTo("failed");
            assertThat(failed.get("last_error").asText()).isNotBlank().doesNotContain(HA_TOKEN);
            assertThat(failed.get("run_count").asInt()).isEqualTo(2);
            assertThat(failed.get("last_job_id").asText())
                    .isEqualTo(failing.json().get("job_id").asText());
        } finally {
            HA.setAvailable(true);
        }
    }

    @Test
    void aScheduleOfAnEnergyAnalysisRuns() {
        String id = http.post(SCHEDULES, """
                        {"name": "Energy", "analysis_type": "energy", "trigger_type": "webhook",
                         "webhook_event": "tariff_changed"}""").json().get("id").asText();
        Http.Response run = http.post(SCHEDULES + "/" + id + "/run", "");
        assertThat(run.status()).as(run.body()).isLessThan(300);
        assertThat(run.json().get("status").asText()).isEqualTo("queued");
        assertThat(run.json().get("job_id").asText()).isNotBlank();
    }

    @Test
    void aCronTickRunsTheEnabledSchedulesWhoseExpressionFiredAsSystem() throws Exception {
        // A firing 12 hours ahead, so that the server's own ticks (every minute) leave it alone.
        ZonedDateTime fires = ZonedDateTime.now(ZoneOffset.UTC).plusHours(12);
        String cron = fires.getMinute() + " " + fires.getHour() + " * * *";
        String on = cronSchedule(cron, true);
        String off = cronSchedule(cron, false);
        Instant now = Instant.now();
        InsightScheduleCron.runDue(schedules, new InsightScheduleCron.Window(now, now.plus(Duration.ofHours(13))));

        JsonNode ran = awaitResult(on, 1);
        assertThat(ran.get("run_count").asInt()).isEqualTo(1);
        assertThat(ran.get("last_result").asText()).isEqualTo("success");
        JsonNode started = events(on).get(1);
        assertThat(started.get("trigger").asText()).isEqualTo("cron");
        assertThat(started.get("actor").get("type").asText()).isEqualTo("system");
        assertThat(http.get(SCHEDULES + "/" + off).json().get("run_count").asInt())
                .as("a disabled schedule is skipped by cron")
                .isZero();
        assertThat(events(off)).hasSize(1);

        InsightScheduleCron.runDue(schedules, new InsightScheduleCron.Window(now, now.plusSeconds(60)));
        assertThat(http.get(SCHEDULES + "/" + on).json().get("run_count").asInt())
                .as("not due in a window without a firing")
                .isEqualTo(1);
    }

    private String cronSchedule(String cron, boolean enabled) {
        Http.Response created = http.post(
                SCHEDULES,
                "{\"name\": \"Cron " + UUID.randomUUID() + "\", \"analysis_type\": \"device_health\","
                        + " \"trigger_type\": \"cron\", \"cron_expression\": \"" + cron + "\", \"enabled\": " + enabled
                        + ", \"entity_ids\": [\"sensor.nothing_here\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private int post(String body) {
        return http.post(SCHEDULES, body).status();
    }

    /** Waits until the schedule's {@code runs}-th run has recorded its result. */
    private JsonNode awaitResult(String id, int runs) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    JsonNode schedule = http.get(SCHEDULES + "/" + id).json();
                    return schedule.get("run_count").asInt() == runs
                            && !schedule.get("last_result").isNull();
                });
        return http.get(SCHEDULES + "/" + id).json();
    }

    private List<JsonNode> events(String id) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (String payload : jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? ORDER BY sequence_number")
                .param(id)
                .query(String.class)
                .list()) {
            events.add(JSON.readTree(payload));
        }
        return events;
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.get("items").forEach(i -> ids.add(i.get("id").asText()));
        assertThat(list.get("total").asLong()).isGreaterThanOrEqualTo(ids.size());
        return ids;
    }
}

package io.aether.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.api.platform.config.AetherProperties;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * POST /api/v1/webhooks/ha over HTTP: the secret (generated into the data directory, since the
 * test server is not in development), schedule matching, and notification actions recorded with
 * the actor ha-notification.
 */
class WebhookEndpointsTest extends IntegrationTest {
    private static final String WEBHOOK = "/api/v1/webhooks/ha";
    private static final String SCHEDULES = "/api/v1/insight-schedules";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private AetherProperties properties;

    private String secret;

    @BeforeEach
    void readSecret() throws IOException {
        secret = Files.readString(properties.dataDir().resolve(WebhookSecret.FILE))
                .strip();
    }

    private Http.Response webhook(String body) {
        return anonymous.post(WEBHOOK, body, Map.of("X-Webhook-Secret", secret));
    }

    private Http.Response action(String actionId) {
        return webhook(
                "{\"event_type\": \"mobile_app_notification_action\", \"data\": {\"action\": \"" + actionId + "\"}}");
    }

    @Test
    void aMissingSecretIs401AndAWrongOneIs403WithTheEnvelopeAndNothingRecorded() {
        String body = "{\"event_type\": \"state_changed\", \"webhook_event\": \"device_offline\"}";
        long before = eventCount();
        Http.Response missing = anonymous.post(WEBHOOK, body);
        assertThat(missing.status()).as(missing.body()).isEqualTo(401);
        assertThat(missing.json().get("error").get("message").asText()).contains("X-Webhook-Secret");
        Http.Response wrong = anonymous.post(WEBHOOK, body, Map.of("X-Webhook-Secret", secret + "x"));
        assertThat(wrong.status()).as(wrong.body()).isEqualTo(403);
        assertThat(wrong.json().get("error").get("code").isNull()).isFalse();
        assertThat(wrong.body()).doesNotContain(secret);
        // the secret is checked before the body: a bad body without it is still 401
        assertThat(anonymous.post(WEBHOOK, "{not json").status()).isEqualTo(401);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void malformedBodiesAre400AndRecordNothing() {
        long before = eventCount();
        for (String body : new String[] {
            "{not json",
            "[]",
            "{}",
            "{\"event_type\": 3}",
            "{\"event_type\": \"x\", \"data\": [1]}",
            "{\"event_type\": \"x\", \"entity_id\": {}}"
        }) {
            Http.Response response = webhook(body);
            assertThat(response.status()).as(body + " -> " + response.body()).isEqualTo(400);
            assertThat(response.json().has("error")).as(body).isTrue();
        }
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aMatchingWebhookRunsTheScheduleRecordedAsAWebhookRunByHaNotification() throws IOException {
        String event = "offline_" + UUID.randomUUID().toString().substring(0, 8);
        String id = schedule(event, "{\"entity_id\": \"sensor.*_power\", \"to_state\": \"unavailable\"}", true);
        String other = schedule(event, "{\"entity_id\": \"light.*\"}", true);
        String disabled = schedule(event, null, false);

        Http.Response response = webhook(
                "{\"event_type\": \"state_changed\", \"entity_id\": \"sensor.grid_power\"," + " \"webhook_event\": \""
                        + event + "\", \"data\": {\"old_state\": \"on\", \"new_state\": \"unavailable\"}}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("status").asText()).isEqualTo("accepted");
        assertThat(response.json().get("matched_schedules").asInt()).isEqualTo(1);
        assertThat(response.json().get("message").asText()).contains("Started 1 of 1");

        assertThat(http.get(SCHEDULES + "/" + id).json().get("run_count").asInt())
                .isEqualTo(1);
        assertThat(http.get(SCHEDULES + "/" + other).json().get("run_count").asInt())
                .isZero();
        assertThat(http.get(SCHEDULES + "/" + disabled).json().get("run_count").asInt())
                .isZero();
        JsonNode run = JSON.readTree(jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? AND payload_type LIKE '%InsightScheduleRunStarted'")
                .param(id)
                .query(String.class)
                .single());
        assertThat(run.get("trigger").asText()).isEqualTo("webhook");
        assertThat(run.get("actor").get("id").asText()).isEqualTo("ha-notification");
    }

    @Test
    void aWebhookNoScheduleMatchesAnswersNoMatch() {
        String event = "nothing_" + UUID.randomUUID().toString().substring(0, 8);
        schedule(event, "{\"from_state\": \"off\"}", true);
        long before = eventCount();
        Http.Response response = webhook("{\"event_type\": \"state_changed\", \"entity_id\": \"light.hall\","
                + " \"webhook_event\": \"" + event + "\", \"data\": {\"old_state\": \"on\"}}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("status").asText()).isEqualTo("no_match");
        assertThat(response.json().get("matched_schedules").asInt()).isZero();
        // without webhook_event the event type is the label
        Http.Response byType = webhook("{\"event_type\": \"" + event + "_type\"}");
        assertThat(byType.json().get("status").asText()).isEqualTo("no_match");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void approveFromANotificationApprovesTheProposalAsHaNotification() throws IOException {
        String id = create(AUTOMATION);
        Http.Response response = action("APPROVE_" + id);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("status").asText()).isEqualTo("action_applied");
        assertThat(proposal(id).get("status").asText()).isEqualTo("approved");
        JsonNode approved = JSON.readTree(jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? AND payload_type LIKE '%ProposalApproved'")
                .param(id)
                .query(String.class)
                .single());
        assertThat(approved.get("actor").get("type").asText()).isEqualTo("ha_notification");
        assertThat(approved.get("actor").get("id").asText()).isEqualTo("ha-notification");

        JsonNode status = http.get("/api/v1/hitl/action-status/" + id).json();
        assertThat(status.get("received").asBoolean()).isTrue();
        assertThat(status.get("action").asText()).isEqualTo("approve");
        assertThat(status.get("outcome").asText()).isEqualTo("applied");
        assertThat(status.get("actor").asText()).isEqualTo("ha-notification");
        JsonNode recent =
                http.get("/api/v1/hitl/recent-actions?limit=100").json().get("actions");
        assertThat(recent.findValuesAsText("target_id")).contains(id);
    }

    @Test
    void rejectFromANotificationRejectsAndARefusedActionIsRecordedAsRefused() {
        String id = create(AUTOMATION);
        assertThat(action("REJECT_" + id).json().get("status").asText()).isEqualTo("action_applied");
        assertThat(proposal(id).get("status").asText()).isEqualTo("rejected");
        Http.Response late = action("APPROVE_" + id);
        assertThat(late.status()).as(late.body()).isEqualTo(200);
        assertThat(late.json().get("status").asText()).isEqualTo("action_refused");
        assertThat(proposal(id).get("status").asText()).isEqualTo("rejected");
        JsonNode status = http.get("/api/v1/hitl/action-status/" + id).json();
        assertThat(status.get("action").asText()).isEqualTo("approve");
        assertThat(status.get("outcome").asText()).isEqualTo("refused");
    }

    @Test
    void dismissFromANotificationDismissesTheInsight() throws IOException {
        Http.Response created = http.post("/api/v1/insights", """
                {"type": "anomaly", "title": "Webhook dismiss", "description": "d", "evidence": {"z": 4.2},
                 "confidence": 0.5, "impact": "high", "entities": ["sensor.power"]}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        Http.Response response = action("DISMISS_" + id);
        assertThat(response.json().get("status").asText()).as(response.body()).isEqualTo("action_applied");
        assertThat(http.get("/api/v1/insights/" + id).json().get("status").asText())
                .isEqualTo("dismissed");
        JsonNode dismissed = JSON.readTree(jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? AND payload_type LIKE '%InsightDismissed'")
                .param(id)
                .query(String.class)
                .single());
        assertThat(dismissed.get("actor").get("id").asText()).isEqualTo("ha-notification");
    }

    @Test
    void unknownIdsAndForeignActionsAreAnsweredAndRecordNothing() {
        long before = eventCount();
        String unknown = UUID.randomUUID().toString();
        for (String actionId : new String[] {"APPROVE_" + unknown, "REJECT_" + unknown, "DISMISS_" + unknown}) {
            Http.Response response = action(actionId);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json().get("status").asText()).as(actionId).isEqualTo("not_found");
            assertThat(response.json().get("message").asText()).contains(unknown);
        }
        for (String actionId : new String[] {"INVESTIGATE_" + unknown, "APPROVE_not-a-uuid", "VIEW_INSIGHTS"}) {
            assertThat(action(actionId).json().get("status").asText())
                    .as(actionId)
                    .isEqualTo("ignored");
        }
        assertThat(webhook("{\"event_type\": \"mobile_app_notification_action\"}")
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("ignored");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(http.get("/api/v1/hitl/action-status/" + unknown)
                        .json()
                        .get("received")
                        .asBoolean())
                .isFalse();
    }

    private String schedule(String event, String filter, boolean enabled) {
        Http.Response created = http.post(
                SCHEDULES,
                "{\"name\": \"Webhook " + event + "\", \"analysis_type\": "
                        + "\"device_health\", \"trigger_type\": \"webhook\", \"enabled\": " + enabled
                        + ", \"webhook_event\": \"" + event + "\""
                        + (filter == null ? "" : ", \"webhook_filter\": " + filter)
                        + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }
}

package io.aether.api.hitl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.platform.config.AetherProperties;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import io.aether.simulator.SimulatorNotifications;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The HITL endpoints and GET /energy/tariffs over HTTP, against the simulator's notify services. */
class HitlEndpointsTest extends IntegrationTest {
    private static final String HITL = "/api/v1/hitl";

    @Autowired
    private AetherProperties properties;

    @Test
    void notifyServicesAreHomeAssistantsNotifyDomain() {
        Http.Response response = http.get(HITL + "/notify-services");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode services = response.json().get("services");
        assertThat(services.findValuesAsText("service"))
                .contains("notify.mobile_app_demo_phone", "notify.persistent_notification")
                .allMatch(s -> s.startsWith("notify."));
        assertThat(response.json().get("total").asInt()).isEqualTo(services.size());
        JsonNode phone = services.get(services.findValuesAsText("service").indexOf("notify.mobile_app_demo_phone"));
        assertThat(phone.get("mobile_app").asBoolean()).isTrue();
        assertThat(response.json().has("configured_service")).isTrue();
        assertThat(anonymous.get(HITL + "/notify-services").status()).isEqualTo(401);
    }

    @Test
    void aTestNotificationReachesTheNotifyServiceAndIsRecorded() {
        int before = HA.notifications().size();
        long events = eventCount();
        Http.Response response = http.post(
                HITL + "/test-notification",
                "{\"notify_service\": \"notify.mobile_app_demo_phone\", \"message\": \"hello from the test\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("success").asBoolean()).isTrue();
        List<SimulatorNotifications.Sent> sent = HA.notifications();
        assertThat(sent).hasSize(before + 1);
        SimulatorNotifications.Sent last = sent.get(sent.size() - 1);
        assertThat(last.service()).isEqualTo("notify.mobile_app_demo_phone");
        assertThat(last.message()).isEqualTo("hello from the test");
        assertThat(last.actions()).isEmpty();
        assertThat(eventCount()).isEqualTo(events + 1);
    }

    @Test
    void badTestRequestsAreRefusedAndRecordNothing() {
        long events = eventCount();
        int sent = HA.notifications().size();
        assertThat(http.post(HITL + "/test-notification", "{}").status()).isEqualTo(422);
        assertThat(http.post(HITL + "/test-notification", "{\"notify_service\": \"light.turn_on\"}")
                        .status())
                .isEqualTo(422);
        assertThat(http.post(HITL + "/test-approval", "{\"notify_service\": \"notify/../x\"}")
                        .status())
                .isEqualTo(422);
        assertThat(http.post(HITL + "/test-approval", "{\"notify_service\": ").status())
                .isEqualTo(400);
        // a notify service HA does not have: HA refuses, Aether answers 502 and records nothing
        Http.Response unknown =
                http.post(HITL + "/test-notification", "{\"notify_service\": \"notify.mobile_app_nobody\"}");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(502);
        assertThat(http.get(HITL + "/recent-actions?limit=0").status()).isEqualTo(422);
        assertThat(http.get(HITL + "/recent-actions?limit=101").status()).isEqualTo(422);
        assertThat(eventCount()).isEqualTo(events);
        assertThat(HA.notifications()).hasSize(sent);
    }

    @Test
    void aTestApprovalSendsButtonsAndItsAnswerComesBackThroughTheWebhook() throws IOException {
        Http.Response response = http.post(
                HITL + "/test-approval",
                "{\"notify_service\": \"notify.mobile_app_demo_phone\", \"title\": \"Pizza\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        String proposalId = response.json().get("proposal_id").asText();
        SimulatorNotifications.Sent last =
                HA.notifications().get(HA.notifications().size() - 1);
        assertThat(last.actions()).containsExactly("APPROVE_" + proposalId, "REJECT_" + proposalId);
        assertThat(last.message()).isEqualTo("Preheat oven to 200C for pizza");
        assertThat(http.get(HITL + "/action-status/" + proposalId)
                        .json()
                        .get("received")
                        .asBoolean())
                .isFalse();

        String secret =
                Files.readString(properties.dataDir().resolve("webhook-secret")).strip();
        Http.Response pressed = anonymous.post(
                "/api/v1/webhooks/ha",
                "{\"event_type\": \"mobile_app_notification_action\", \"data\": {\"action\": \"REJECT_" + proposalId
                        + "\"}}",
                Map.of("X-Webhook-Secret", secret));
        assertThat(pressed.status()).as(pressed.body()).isEqualTo(200);
        assertThat(pressed.json().get("status").asText()).isEqualTo("test_action");
        JsonNode status = http.get(HITL + "/action-status/" + proposalId).json();
        assertThat(status.get("received").asBoolean()).isTrue();
        assertThat(status.get("action").asText()).isEqualTo("reject");
        assertThat(status.get("outcome").asText()).isEqualTo("test");
        JsonNode recent = http.get(HITL + "/recent-actions?limit=5").json();
        assertThat(recent.get("actions").get(0).get("target_id").asText()).isEqualTo(proposalId);
        assertThat(recent.get("count").asInt()).isBetween(1, 5);
    }

    @Test
    void tariffsAreTheConfiguredOnesOrTheDefaults() {
        Http.Response response = http.get("/api/v1/energy/tariffs");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("configured").asBoolean()).isFalse();
        assertThat(body.get("source").asText()).isEqualTo("defaults");
        assertThat(body.get("currency").asText()).isEqualTo("EUR");
        assertThat(body.get("tariffs").findValuesAsText("name")).containsExactly("peak", "off_peak");
        assertThat(body.get("tariffs").get(0).get("rate").decimalValue()).isEqualByComparingTo(new BigDecimal("0.30"));
        assertThat(body.get("tariffs").get(0).get("start").asText()).isEqualTo("07:00");
        assertThat(body.get("current_tariff").asText()).isIn("peak", "off_peak");
        assertThat(anonymous.get("/api/v1/energy/tariffs").status()).isEqualTo(401);
    }
}

package io.aether.api.hitl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.support.Http;
import io.aether.api.support.OwnServer;
import io.aether.simulator.HomeAssistantSimulator;
import io.aether.simulator.SimulatorNotifications;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notification process on a server of its own with a notify service configured: a new
 * proposal and a high-impact insight are pushed with their buttons, a low-impact insight and
 * anything during quiet hours are not, and a pressed button comes back through the webhook.
 */
class HitlNotificationPushTest {
    private static final String HA_TOKEN = "hitl-push-ha-token";
    private static final String PASSWORD = "hitl push password 1";
    private static final String SERVICE = "notify.mobile_app_demo_phone";
    private static final Duration WITHIN = Duration.ofSeconds(20);

    @TempDir
    static Path dataDir;

    private static HomeAssistantSimulator ha;
    private static OwnServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        ha = HomeAssistantSimulator.start(0, HA_TOKEN);
        server = OwnServer.start(dataDir, ha.baseUrl(), HA_TOKEN, "--aether.notifications.notify-service=" + SERVICE);
        Http anonymous = server.http();
        Http.Response setup = anonymous.post(
                "/api/v1/auth/setup", Map.of("ha_url", ha.baseUrl(), "ha_token", HA_TOKEN, "password", PASSWORD));
        assertThat(setup.status()).as(setup.body()).isEqualTo(200);
        http = anonymous.withBearer(setup.json().get("token").asText());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        ha.stop();
    }

    @Test
    void aNewProposalIsPushedWithApproveAndRejectAndThePressedButtonApprovesIt() throws IOException {
        String id = proposal("Pushed proposal");
        SimulatorNotifications.Sent sent = awaitNotification(id);
        assertThat(sent.service()).isEqualTo(SERVICE);
        assertThat(sent.title()).contains("Pushed proposal");
        assertThat(sent.actions()).containsExactly("APPROVE_" + id, "REJECT_" + id);
        assertThat(ha.notifications().stream().filter(n -> n.actions().contains("APPROVE_" + id)))
                .hasSize(1);

        String secret = Files.readString(dataDir.resolve("webhook-secret")).strip();
        Http.Response pressed = server.http()
                .post(
                        "/api/v1/webhooks/ha",
                        "{\"event_type\": \"mobile_app_notification_action\", \"data\": {\"action\": \"APPROVE_" + id
                                + "\"}}",
                        Map.of("X-Webhook-Secret", secret));
        assertThat(pressed.json().get("status").asText()).as(pressed.body()).isEqualTo("action_applied");
        assertThat(http.get("/api/v1/proposals/" + id).json().get("status").asText())
                .isEqualTo("approved");
    }

    @Test
    void insightsArePushedFromMinImpactUp() {
        String low = insight("low");
        String high = insight("high");
        SimulatorNotifications.Sent sent = awaitNotification(high);
        assertThat(sent.actions()).containsExactly("DISMISS_" + high);
        // one processor in event order: had the low one been pushed, it would be there by now
        assertThat(find(low)).isEmpty();
    }

    @Test
    void nothingIsPushedDuringQuietHours() {
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        LocalTime now = LocalTime.now();
        Http.Response quiet = http.patch(
                "/api/v1/settings",
                "{\"notifications\": {\"quiet_hours_start\": \""
                        + now.minusHours(1).format(hhmm) + "\", \"quiet_hours_end\": \""
                        + now.plusHours(1).format(hhmm) + "\"}}");
        assertThat(quiet.status()).as(quiet.body()).isEqualTo(200);
        String during;
        try {
            during = proposal("During quiet hours");
            awaitProcessed();
        } finally {
            Http.Response loud = http.patch(
                    "/api/v1/settings",
                    "{\"notifications\": {\"quiet_hours_start\": null, \"quiet_hours_end\": null}}");
            assertThat(loud.status()).as(loud.body()).isEqualTo(200);
        }
        String after = proposal("After quiet hours");
        awaitNotification(after);
        assertThat(find(during)).isEmpty();
    }

    /** The notification process has handled every event so far (it reads the settings when it handles one). */
    private static void awaitProcessed() {
        await().atMost(WITHIN).until(() -> {
            JsonNode processors = http.get("/api/v1/projections").json();
            List<JsonNode> process = StreamSupport.stream(processors.spliterator(), false)
                    .filter(p -> p.get("name").asText().equals("hitl-notification"))
                    .toList();
            return !process.isEmpty()
                    && process.stream()
                            .allMatch(
                                    p -> p.get("lag").isNumber() && p.get("lag").asLong() == 0);
        });
    }

    private static String proposal(String name) {
        Http.Response created = http.post("/api/v1/proposals", """
                {"name": "%s", "description": "Turn the hall light on when motion is seen",
                 "trigger": [{"trigger": "state", "entity_id": ["binary_sensor.hall_motion"], "to": ["on"]}],
                 "actions": [{"action": "light.turn_on", "target": {"entity_id": "light.hall"}}]}""".formatted(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static String insight(String impact) {
        Http.Response created = http.post("/api/v1/insights", """
                {"type": "anomaly", "title": "Push %s", "description": "d", "evidence": {"z": 4.2},
                 "confidence": 0.5, "impact": "%s", "entities": ["sensor.power"]}""".formatted(impact, impact));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static SimulatorNotifications.Sent awaitNotification(String targetId) {
        return await().atMost(WITHIN)
                .until(() -> find(targetId), Optional::isPresent)
                .orElseThrow();
    }

    private static Optional<SimulatorNotifications.Sent> find(String targetId) {
        List<SimulatorNotifications.Sent> all = ha.notifications();
        return all.stream()
                .filter(n -> n.actions().stream().anyMatch(a -> a.endsWith("_" + targetId)))
                .findFirst();
    }
}

package io.aether.api.hitl;

import static org.assertj.core.api.Assertions.assertThat;

import io.aether.api.platform.config.AetherProperties;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import io.aether.api.support.OpenApiContract;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The webhook, HITL and tariff responses (successes and error envelopes) have a documented status
 * and validate against the served OpenAPI document, nulls included.
 */
class HitlOpenApiContractTest extends IntegrationTest {
    private static final String WEBHOOK = "/api/v1/webhooks/ha";

    @Autowired
    private AetherProperties properties;

    private OpenApiContract contract;
    private final List<String> problems = new ArrayList<>();

    @BeforeEach
    void loadDocument() {
        Http.Response document = anonymous.get("/api/openapi.json");
        assertThat(document.status()).as(document.body()).isEqualTo(200);
        contract = new OpenApiContract(document.json());
    }

    @Test
    void webhookHitlAndTariffResponsesMatchTheDocument() throws IOException {
        Map<String, String> secret = Map.of(
                "X-Webhook-Secret",
                Files.readString(properties.dataDir().resolve("webhook-secret")).strip());
        check("POST", WEBHOOK, anonymous.post(WEBHOOK, "{\"event_type\": \"contract_check\"}", secret));
        check(
                "POST",
                WEBHOOK,
                anonymous.post(
                        WEBHOOK,
                        "{\"event_type\": \"mobile_app_notification_action\", \"data\": {\"action\": \"APPROVE_"
                                + UUID.randomUUID() + "\"}}",
                        secret));
        check("POST", WEBHOOK, anonymous.post(WEBHOOK, "{}", secret));
        check("POST", WEBHOOK, anonymous.post(WEBHOOK, "{\"event_type\": \"x\"}"));
        check("POST", WEBHOOK, anonymous.post(WEBHOOK, "{\"event_type\": \"x\"}", Map.of("X-Webhook-Secret", "no")));

        check("GET", "/api/v1/hitl/notify-services", http.get("/api/v1/hitl/notify-services"));
        check(
                "POST",
                "/api/v1/hitl/test-notification",
                http.post("/api/v1/hitl/test-notification", "{\"notify_service\": \"notify.mobile_app_demo_phone\"}"));
        check("POST", "/api/v1/hitl/test-notification", http.post("/api/v1/hitl/test-notification", "{}"));
        Http.Response approval = check(
                "POST",
                "/api/v1/hitl/test-approval",
                http.post("/api/v1/hitl/test-approval", "{\"notify_service\": \"notify.mobile_app_demo_phone\"}"));
        String proposalId = approval.json().get("proposal_id").asText();
        check("GET", "/api/v1/hitl/action-status/" + proposalId, http.get("/api/v1/hitl/action-status/" + proposalId));
        anonymous.post(
                WEBHOOK,
                "{\"event_type\": \"mobile_app_notification_action\", \"data\": {\"action\": \"APPROVE_" + proposalId
                        + "\"}}",
                secret);
        check("GET", "/api/v1/hitl/action-status/" + proposalId, http.get("/api/v1/hitl/action-status/" + proposalId));
        check("GET", "/api/v1/hitl/recent-actions", http.get("/api/v1/hitl/recent-actions"));
        check("GET", "/api/v1/hitl/recent-actions", http.get("/api/v1/hitl/recent-actions?limit=0"));
        check("GET", "/api/v1/energy/tariffs", http.get("/api/v1/energy/tariffs"));
        assertThat(problems).isEmpty();
    }

    private Http.Response check(String method, String path, Http.Response response) {
        problems.addAll(contract.problems(method, path, response.status(), response.body()));
        return response;
    }
}

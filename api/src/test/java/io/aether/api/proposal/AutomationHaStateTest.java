package io.aether.api.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An automation turned off or on in Home Assistant by hand is noticed and recorded. */
class AutomationHaStateTest extends IntegrationTest {

    @Test
    void turningADeployedAutomationOffInHomeAssistantIsRecordedAndShownAsHaState() {
        String id = createDeployed();
        // The mirror's WebSocket subscription is what notices; make sure it is connected.
        assertThat(http.post("/api/v1/entities/sync", "{}").status()).isEqualTo(200);
        String entityId = HA.automationEntityId(haId(id)).orElseThrow();

        callInHomeAssistant("automation", "turn_off", entityId);
        await().atMost(Duration.ofSeconds(10)).until(() -> haStateEvents(id).size() == 1);
        JsonNode changed = haStateEvents(id).get(0);
        assertThat(changed.get("ha_state").asText()).isEqualTo("off");
        assertThat(changed.get("expected_state").asText()).isEqualTo("on");
        assertThat(changed.get("entity_id").asText()).isEqualTo(entityId);
        JsonNode detail = proposal(id);
        assertThat(detail.get("status").asText()).isEqualTo("deployed");
        assertThat(detail.get("ha_state").asText()).isEqualTo("off");

        // Aether's own disable of an automation HA already has off records nothing more.
        assertThat(http.post("/api/v1/proposals/" + id + "/disable", "{}").status())
                .isEqualTo(200);
        // Turned back on by hand while disabled: recorded again.
        callInHomeAssistant("automation", "turn_on", entityId);
        await().atMost(Duration.ofSeconds(10)).until(() -> haStateEvents(id).size() == 2);
        assertThat(haStateEvents(id).get(1).get("ha_state").asText()).isEqualTo("on");
        assertThat(haStateEvents(id).get(1).get("expected_state").asText()).isEqualTo("off");
    }

    @Test
    void aetherOwnDisableAndEnableAreNotRecordedAsHandChanges() {
        String id = createDeployed();
        assertThat(http.post("/api/v1/entities/sync", "{}").status()).isEqualTo(200);
        String entityId = HA.automationEntityId(haId(id)).orElseThrow();
        assertThat(http.post("/api/v1/proposals/" + id + "/disable", "{}").status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        HA.state(entityId).orElseThrow().get("state").asText().equals("off"));
        assertThat(http.post("/api/v1/proposals/" + id + "/enable", "{}").status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        HA.state(entityId).orElseThrow().get("state").asText().equals("on"));
        // A marker change afterwards proves the state_changed events were delivered (in order).
        callInHomeAssistant("automation", "turn_off", entityId);
        await().atMost(Duration.ofSeconds(10)).until(() -> haStateEvents(id).size() == 1);
        assertThat(haStateEvents(id).get(0).get("ha_state").asText()).isEqualTo("off");
    }

    private void callInHomeAssistant(String domain, String service, String entityId) {
        Http ha = new Http(HA.baseUrl(), Map.of("Authorization", "Bearer " + HA_TOKEN));
        Http.Response r = ha.post("/api/services/" + domain + "/" + service, "{\"entity_id\": \"" + entityId + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private List<JsonNode> haStateEvents(String id) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode e :
                http.get("/api/v1/proposals/" + id + "/history").json().get("events")) {
            if (e.get("type").asText().equals("ProposalHaStateChanged")) {
                found.add(e.get("payload"));
            }
        }
        return found;
    }
}

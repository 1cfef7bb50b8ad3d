package io.aether.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Home Assistant down or refusing the config: the outcome is recorded and the proposal stays approved. */
class DeploymentFailureTest extends IntegrationTest {

    @Test
    void homeAssistantDownRecordsTheFailureAndKeepsTheProposalApproved() {
        String id = createApproved();
        HA.setAvailable(false);
        Http.Response response = http.post("/api/v1/proposals/" + id + "/deploy", "{}");
        HA.setAvailable(true);

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("error").asText()).containsIgnoringCase("unavailable");
        assertThat(body.get("status").asText()).isEqualTo("approved");
        assertThat(proposal(id).get("status").asText()).isEqualTo("approved");
        assertThat(HA.automationConfig(haId(id))).isEmpty();
        assertThat(types(id)).endsWith("ProposalDeploymentRequested", "ProposalDeploymentFailed");

        // Once HA is back the same proposal deploys.
        Http.Response retry = http.post("/api/v1/proposals/" + id + "/deploy", "{}");
        assertThat(retry.json().get("success").asBoolean()).as(retry.body()).isTrue();
        assertThat(HA.automationConfig(haId(id))).isPresent();
    }

    @Test
    void homeAssistantRejectingTheConfigReturnsItsMessage() {
        // A trigger without its platform key: HA's validation refuses it with a 400.
        String id = create("""
                {"name": "Broken trigger",
                 "trigger": [{"entity_id": "binary_sensor.hall_motion"}],
                 "actions": [{"action": "light.turn_on", "target": {"entity_id": "light.hall"}}]}""");
        http.post("/api/v1/proposals/" + id + "/approve", "{}");

        JsonNode body = http.post("/api/v1/proposals/" + id + "/deploy", "{}").json();

        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("error").asText()).contains("Message malformed");
        assertThat(proposal(id).get("status").asText()).isEqualTo("approved");
        JsonNode failed = history(id).get(history(id).size() - 1);
        assertThat(failed.get("type").asText()).isEqualTo("ProposalDeploymentFailed");
        assertThat(failed.get("payload").get("error").asText()).contains("Message malformed");
    }

    private JsonNode history(String id) {
        return http.get("/api/v1/proposals/" + id + "/history").json().get("events");
    }

    private List<String> types(String id) {
        return StreamSupport.stream(history(id).spliterator(), false)
                .map(e -> e.get("type").asText())
                .toList();
    }
}

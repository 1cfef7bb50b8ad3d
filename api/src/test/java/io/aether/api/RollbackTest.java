package io.aether.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Rollback by replay: each rollback re-establishes exactly what was live before, and history only grows. */
class RollbackTest extends IntegrationTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void deployTwiceThenRollBackTwiceRestoresEachEarlierVersion() {
        String id = createDeployed();
        JsonNode ours = HA.automationConfig(haId(id)).orElseThrow();

        // Someone edits the automation by hand in Home Assistant, then we redeploy over it.
        ObjectNode handEdit = ours.deepCopy();
        handEdit.put("alias", "Hall light (edited in HA)");
        HA.putAutomationConfig(haId(id), handEdit);
        Http.Response redeploy = http.post("/api/v1/proposals/" + id + "/deploy", "{\"force\": true}");
        assertThat(redeploy.json().get("success").asBoolean())
                .as(redeploy.body())
                .isTrue();
        assertThat(HA.automationConfig(haId(id)).orElseThrow()).isEqualTo(ours);

        // First rollback: back to what was live just before the second deployment, the hand edit.
        JsonNode first =
                http.post("/api/v1/proposals/" + id + "/rollback", "{}").json();
        assertThat(first.get("success").asBoolean()).as(first.toString()).isTrue();
        assertThat(first.get("action").asText()).isEqualTo("restored");
        assertThat(first.get("ha_disabled").asBoolean())
                .as("HA no longer runs the rolled-back config")
                .isTrue();
        assertThat(HA.automationConfig(haId(id)).orElseThrow()).isEqualTo(handEdit);

        // Second rollback: back to before the first deployment, when nothing existed.
        JsonNode second =
                http.post("/api/v1/proposals/" + id + "/rollback", "{}").json();
        assertThat(second.get("success").asBoolean()).as(second.toString()).isTrue();
        assertThat(second.get("action").asText()).isEqualTo("deleted");
        assertThat(second.get("ha_disabled").asBoolean())
                .as("HA no longer runs the rolled-back config")
                .isTrue();
        assertThat(second.get("target_version").asInt())
                .isLessThan(first.get("target_version").asInt());
        assertThat(HA.automationConfig(haId(id))).isEmpty();

        // Nothing is left to roll back, and nothing was rewritten: the history kept every step.
        assertThat(http.post("/api/v1/proposals/" + id + "/rollback", "{}").status())
                .isEqualTo(409);
        JsonNode events =
                http.get("/api/v1/proposals/" + id + "/history").json().get("events");
        assertThat(events.size()).isEqualTo(10);
    }

    @Test
    void firstDeploymentOverAnExistingAutomationRollsBackToIt() {
        String id = createApproved();
        ObjectNode existing = JSON.objectNode();
        existing.put("id", haId(id));
        existing.put("alias", "Made by hand");
        existing.set(
                "triggers",
                JSON.arrayNode().add(JSON.objectNode().put("trigger", "sun").put("event", "sunrise")));
        existing.set("actions", JSON.arrayNode().add(JSON.objectNode().put("action", "light.turn_off")));
        HA.putAutomationConfig(haId(id), existing);

        assertThat(http.post("/api/v1/proposals/" + id + "/deploy", "{}")
                        .json()
                        .get("success")
                        .asBoolean())
                .isTrue();
        assertThat(HA.automationConfig(haId(id)).orElseThrow().get("alias").asText())
                .isEqualTo("Hall light on motion");

        JsonNode rollback =
                http.post("/api/v1/proposals/" + id + "/rollback", "{}").json();
        assertThat(rollback.get("action").asText()).isEqualTo("restored");
        assertThat(HA.automationConfig(haId(id)).orElseThrow()).isEqualTo(existing);
    }

    @Test
    void rollbackToAnExplicitVersion() {
        String id = createDeployed();
        JsonNode ours = HA.automationConfig(haId(id)).orElseThrow();
        http.post("/api/v1/proposals/" + id + "/deploy", "{\"force\": true}");

        // Version 4 is the first ProposalDeployed: our config was live then.
        JsonNode rollback = http.post("/api/v1/proposals/" + id + "/rollback", "{\"to_version\": 4}")
                .json();
        assertThat(rollback.get("success").asBoolean()).as(rollback.toString()).isTrue();
        assertThat(rollback.get("target_version").asInt()).isEqualTo(4);
        assertThat(rollback.get("action").asText()).isEqualTo("restored");
        assertThat(HA.automationConfig(haId(id)).orElseThrow()).isEqualTo(ours);

        assertThat(http.post("/api/v1/proposals/" + id + "/rollback", "{\"to_version\": 99}")
                        .status())
                .isEqualTo(422);
    }

    @Test
    void disableStrategyOnlyTurnsTheAutomationOff() {
        String id = createDeployed();
        String entityId = HA.automationEntityId(haId(id)).orElseThrow();
        JsonNode config = HA.automationConfig(haId(id)).orElseThrow();

        JsonNode rollback = http.post("/api/v1/proposals/" + id + "/rollback", "{\"strategy\": \"disable\"}")
                .json();

        assertThat(rollback.get("success").asBoolean()).as(rollback.toString()).isTrue();
        assertThat(rollback.get("ha_disabled").asBoolean()).isTrue();
        assertThat(rollback.get("action").asText()).isEqualTo("disabled");
        assertThat(HA.state(entityId).orElseThrow().get("state").asText()).isEqualTo("off");
        assertThat(HA.automationConfig(haId(id)).orElseThrow()).isEqualTo(config);
    }

    @Test
    void rollbackFailureIsRecordedAndKeepsTheStatus() {
        String id = createDeployed();
        HA.setAvailable(false);
        Http.Response response = http.post("/api/v1/proposals/" + id + "/rollback", "{}");
        HA.setAvailable(true);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("success").asBoolean()).isFalse();
        assertThat(response.json().get("ha_error").asText()).isNotBlank();
        assertThat(response.json().get("ha_disabled").asBoolean())
                .as("HA still runs the config")
                .isFalse();
        assertThat(proposal(id).get("status").asText()).isEqualTo("deployed");
        assertThat(HA.automationConfig(haId(id))).isPresent();
    }
}

package io.aether.api.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** PATCH /proposals/{id}/yaml, POST /proposals/{id}/validate, GET /proposals/{id}/verify. */
class ProposalHelpersTest extends IntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void editingTheYamlRecordsARevisionAndTheListShowsIt() {
        String id = create(AUTOMATION);
        String yaml = """
                alias: Hall light on motion, dimmed
                triggers:
                  - trigger: state
                    entity_id: binary_sensor.hall_motion
                    to: "on"
                actions:
                  - action: light.turn_on
                    target:
                      entity_id: light.hall
                    data:
                      brightness_pct: 30
                mode: restart
                """;
        Http.Response edit = http.patch(
                "/api/v1/proposals/" + id + "/yaml",
                JSON.createObjectNode().put("yaml_content", yaml).toString());
        assertThat(edit.status()).as(edit.body()).isEqualTo(200);
        JsonNode body = edit.json();
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.get("proposal_id").asText()).isEqualTo(id);
        assertThat(body.get("updated_fields")).extracting(JsonNode::asText).contains("name", "actions", "mode");

        JsonNode detail = proposal(id);
        assertThat(detail.get("name").asText()).isEqualTo("Hall light on motion, dimmed");
        assertThat(detail.get("mode").asText()).isEqualTo("restart");
        assertThat(detail.get("status").asText()).isEqualTo("proposed");
        JsonNode events =
                http.get("/api/v1/proposals/" + id + "/history").json().get("events");
        assertThat(events.get(events.size() - 1).get("type").asText()).isEqualTo("ProposalRevised");

        awaitProposalListCaughtUp();
        JsonNode list =
                http.get("/api/v1/proposals?status=proposed&limit=500").json().get("items");
        boolean listed = false;
        for (JsonNode item : list) {
            if (item.get("id").asText().equals(id)) {
                listed = true;
                assertThat(item.get("name").asText()).isEqualTo("Hall light on motion, dimmed");
            }
        }
        assertThat(listed).isTrue();
    }

    @Test
    void editingIsRefusedOnceApprovedAndForUnknownProposalsAndBadBodies() {
        String id = createApproved();
        long before = eventCount();
        String body = JSON.createObjectNode().put("yaml_content", "alias: x").toString();
        assertThat(http.patch("/api/v1/proposals/" + id + "/yaml", body).status())
                .isEqualTo(409);
        assertThat(http.patch("/api/v1/proposals/" + UUID.randomUUID() + "/yaml", body)
                        .status())
                .isEqualTo(404);
        String proposed = create(AUTOMATION);
        long afterCreate = eventCount();
        assertThat(http.patch("/api/v1/proposals/" + proposed + "/yaml", "{}").status())
                .isEqualTo(422);
        assertThat(http.patch(
                                "/api/v1/proposals/" + proposed + "/yaml",
                                JSON.createObjectNode()
                                        .put("yaml_content", "alias: [unclosed")
                                        .toString())
                        .status())
                .isIn(400, 422);
        assertThat(eventCount()).isEqualTo(afterCreate);
        assertThat(afterCreate).isGreaterThan(before);
    }

    @Test
    void validateAnswersValidErrorsAndWarnings() {
        String good = create(AUTOMATION);
        JsonNode ok = http.post("/api/v1/proposals/" + good + "/validate", "{}").json();
        assertThat(ok.get("valid").asBoolean()).as(ok.toString()).isTrue();
        assertThat(ok.get("errors")).isEmpty();
        assertThat(ok.get("warnings")).isEmpty();

        String unknownEntity = create("""
                {"name": "Ghost light",
                 "trigger": [{"trigger": "state", "entity_id": "binary_sensor.hall_motion", "to": "on"}],
                 "actions": [{"action": "light.turn_on", "target": {"entity_id": "light.ghost"}}]}""");
        JsonNode warned = http.post("/api/v1/proposals/" + unknownEntity + "/validate", "{}")
                .json();
        assertThat(warned.get("valid").asBoolean()).isTrue();
        assertThat(warned.get("warnings").get(0).get("message").asText()).contains("light.ghost");
        assertThat(warned.get("warnings").get(0).get("severity").asText()).isEqualTo("warning");

        String broken = create("""
                {"name": "No platform",
                 "trigger": [{"entity_id": "binary_sensor.hall_motion"}],
                 "actions": [{"action": "light.turn_on", "target": {"entity_id": "light.hall"}}]}""");
        JsonNode invalid =
                http.post("/api/v1/proposals/" + broken + "/validate", "{}").json();
        assertThat(invalid.get("valid").asBoolean()).isFalse();
        assertThat(invalid.get("errors").get(0).get("path").asText()).isEqualTo("triggers[0]");
        assertThat(invalid.get("errors").get(0).get("severity").asText()).isEqualTo("error");

        assertThat(http.post("/api/v1/proposals/" + UUID.randomUUID() + "/validate", "{}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void verifyComparesWhatHomeAssistantHoldsWithWhatWasDeployed() {
        String id = createDeployed();
        JsonNode verified = http.get("/api/v1/proposals/" + id + "/verify").json();
        assertThat(verified.get("verified").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.get("ha_automation_id").asText()).isEqualTo(haId(id));
        assertThat(verified.get("state").asText()).isEqualTo("on");
        assertThat(verified.get("entity_id").asText()).startsWith("automation.");

        // Edited by hand in HA: verify says so and names the key that differs.
        JsonNode edited = HA.automationConfig(haId(id)).orElseThrow().deepCopy();
        ((ObjectNode) edited).put("mode", "queued");
        HA.putAutomationConfig(haId(id), edited);
        JsonNode changed = http.get("/api/v1/proposals/" + id + "/verify").json();
        assertThat(changed.get("verified").asBoolean()).isFalse();
        assertThat(changed.get("differences")).extracting(JsonNode::asText).containsExactly("mode");

        String proposed = create(AUTOMATION);
        JsonNode notDeployed =
                http.get("/api/v1/proposals/" + proposed + "/verify").json();
        assertThat(notDeployed.get("verified").asBoolean()).isFalse();
        assertThat(notDeployed.get("reason").asText()).contains("not deployed");
        assertThat(http.get("/api/v1/proposals/" + UUID.randomUUID() + "/verify")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void verifyWithHomeAssistantDownIs502() {
        String id = createDeployed();
        HA.setAvailable(false);
        try {
            Http.Response response = http.get("/api/v1/proposals/" + id + "/verify");
            assertThat(response.status()).as(response.body()).isEqualTo(502);
            assertThat(response.body()).doesNotContain(HA_TOKEN);
        } finally {
            HA.setAvailable(true);
        }
    }
}

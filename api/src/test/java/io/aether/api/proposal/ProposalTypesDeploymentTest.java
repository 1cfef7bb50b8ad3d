package io.aether.api.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import io.aether.homeassistant.HomeAssistantSettings;
import io.aether.homeassistant.websocket.HomeAssistantWebSocketClient;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every proposal type other than automation deploys to the simulator and rolls back, with the
 * simulator's state checked after each step, and the deployment event recording the snapshot.
 */
class ProposalTypesDeploymentTest extends IntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aScriptIsSavedThroughTheConfigApiAndItsFirstRollbackDeletesIt() {
        String id = approved("""
                {"name": "Hall light script", "proposal_type": "script",
                 "actions": [{"action": "light.turn_on", "target": {"entity_id": "light.hall"}}]}""");
        JsonNode deployment = deploy(id, 200);
        assertThat(deployment.get("success").asBoolean())
                .as(deployment.toString())
                .isTrue();
        assertThat(deployment.get("method").asText()).isEqualTo("rest_api");
        JsonNode stored = HA.sceneOrScriptConfig("script", haId(id)).orElseThrow();
        assertThat(stored.get("alias").asText()).isEqualTo("Hall light script");
        assertThat(stored.get("sequence").get(0).get("action").asText()).isEqualTo("light.turn_on");
        assertThat(HA.state("script." + haId(id))).isPresent();
        assertThat(deployedEvent(id).get("previous_ha_config").isNull()).isTrue();

        JsonNode rollback = rollback(id);
        assertThat(rollback.get("action").asText()).isEqualTo("deleted");
        assertThat(HA.sceneOrScriptConfig("script", haId(id))).isEmpty();
        assertThat(HA.state("script." + haId(id))).isEmpty();
    }

    @Test
    void aSceneRedeployedAndRolledBackRestoresTheEarlierConfig() {
        String name = "Reading " + suffix();
        String id = approved("""
                {"name": "%s", "proposal_type": "scene",
                 "actions": {"light.living_room": {"state": "on", "brightness": 120}}}""".formatted(name));
        assertThat(deploy(id, 200).get("success").asBoolean()).isTrue();
        JsonNode first = HA.sceneOrScriptConfig("scene", haId(id)).orElseThrow();
        assertThat(first.get("name").asText()).isEqualTo(name);
        assertThat(first.get("entities")
                        .get("light.living_room")
                        .get("brightness")
                        .asInt())
                .isEqualTo(120);

        // Someone edits the scene in HA; a forced redeploy records that edit as what was there before.
        JsonNode edited = first.deepCopy();
        ((ObjectNode) edited.get("entities").get("light.living_room")).put("brightness", 30);
        Http.Response save = anonymousHa().post("/api/config/scene/config/" + haId(id), edited.toString());
        assertThat(save.status()).as(save.body()).isEqualTo(200);
        Http.Response redeploy = http.post("/api/v1/proposals/" + id + "/deploy", "{\"force\": true}");
        assertThat(redeploy.json().get("success").asBoolean())
                .as(redeploy.body())
                .isTrue();
        assertThat(deployedEvent(id)
                        .get("previous_ha_config")
                        .get("entities")
                        .get("light.living_room")
                        .get("brightness")
                        .asInt())
                .isEqualTo(30);

        JsonNode rollback = rollback(id);
        assertThat(rollback.get("action").asText()).isEqualTo("restored");
        assertThat(HA.sceneOrScriptConfig("scene", haId(id))
                        .orElseThrow()
                        .get("entities")
                        .get("light.living_room")
                        .get("brightness")
                        .asInt())
                .isEqualTo(30);
    }

    @Test
    void aHelperIsCreatedOverTheWebSocketAndItsRollbackDeletesIt() {
        String name = "Wake up " + suffix();
        String helperId = name.toLowerCase().replace(' ', '_');
        String id = approved("""
                {"name": "%s", "proposal_type": "helper",
                 "service_call": {"domain": "input_number", "min": 0, "max": 10, "step": 1, "initial": 3}}""".formatted(name));
        JsonNode deployment = deploy(id, 200);
        assertThat(deployment.get("success").asBoolean())
                .as(deployment.toString())
                .isTrue();
        assertThat(deployment.get("method").asText()).isEqualTo("ha_helper_create");
        assertThat(HA.helper("input_number", helperId).orElseThrow().get("max").asDouble())
                .isEqualTo(10.0);
        assertThat(HA.state("input_number." + helperId)
                        .orElseThrow()
                        .get("state")
                        .asText())
                .isEqualTo("3.0");

        assertThat(rollback(id).get("action").asText()).isEqualTo("deleted");
        assertThat(HA.helper("input_number", helperId)).isEmpty();
        assertThat(HA.state("input_number." + helperId)).isEmpty();
    }

    @Test
    void aHelperEditedInHomeAssistantAndRedeployedIsRestoredThenDeletedByRollbacks() {
        String name = "Alarm " + suffix();
        String helperId = name.toLowerCase().replace(' ', '_');
        String id = approved("""
                {"name": "%s", "proposal_type": "helper",
                 "service_call": {"domain": "input_number", "min": 0, "max": 10}}""".formatted(name));
        assertThat(deploy(id, 200).get("success").asBoolean()).isTrue();
        // Someone raises the maximum in HA's UI; a forced redeploy puts ours back and records theirs.
        onHomeAssistantWebSocket(ws -> ws.call(
                "input_number/update",
                JSON.createObjectNode().put("input_number_id", helperId).put("max", 20)));
        assertThat(HA.helper("input_number", helperId).orElseThrow().get("max").asInt())
                .isEqualTo(20);
        Http.Response redeploy = http.post("/api/v1/proposals/" + id + "/deploy", "{\"force\": true}");
        assertThat(redeploy.json().get("success").asBoolean())
                .as(redeploy.body())
                .isTrue();
        assertThat(HA.helper("input_number", helperId).orElseThrow().get("max").asInt())
                .isEqualTo(10);
        assertThat(deployedEvent(id).get("previous_ha_config").get("max").asInt())
                .isEqualTo(20);

        assertThat(rollback(id).get("action").asText()).isEqualTo("restored");
        assertThat(HA.helper("input_number", helperId).orElseThrow().get("max").asInt())
                .isEqualTo(20);
        assertThat(rollback(id).get("action").asText()).isEqualTo("deleted");
        assertThat(HA.helper("input_number", helperId)).isEmpty();
    }

    @Test
    void aScriptDeployedWhileHomeAssistantIsDownFailsAndLeavesNothing() {
        String id = approved("""
                {"name": "Down script", "proposal_type": "script",
                 "actions": [{"action": "light.turn_on", "target": {"entity_id": "light.hall"}}]}""");
        HA.setAvailable(false);
        JsonNode body;
        try {
            body = deploy(id, 200);
        } finally {
            HA.setAvailable(true);
        }
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(proposal(id).get("status").asText()).isEqualTo("approved");
        assertThat(HA.sceneOrScriptConfig("script", haId(id))).isEmpty();
    }

    @Test
    void aHelperHomeAssistantRefusesIs422WithItsReasonAndNothingIsDeployed() {
        String name = "Broken " + suffix();
        String id = approved("""
                {"name": "%s", "proposal_type": "helper",
                 "service_call": {"domain": "input_number", "min": 10, "max": 1}}""".formatted(name));
        Http.Response response = http.post("/api/v1/proposals/" + id + "/deploy", "{}");
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().get("success").asBoolean()).isFalse();
        assertThat(response.json().get("error").asText())
                .startsWith("Home Assistant refused")
                .contains("is not greater than minimum");
        assertThat(proposal(id).get("status").asText()).isEqualTo("approved");
        assertThat(HA.helper("input_number", name.toLowerCase().replace(' ', '_')))
                .isEmpty();
        JsonNode events = history(id);
        assertThat(events.get(events.size() - 1).get("type").asText()).isEqualTo("ProposalDeploymentFailed");
    }

    @Test
    void aHelperHomeAssistantDoesNotLetTheTokenCreateIsAFailureNotA422() {
        String id = approved("""
                {"name": "Not allowed %s", "proposal_type": "helper",
                 "service_call": {"domain": "counter"}}""".formatted(suffix()));
        HA.setWebSocketAdmin(false);
        Http.Response response;
        try {
            response = http.post("/api/v1/proposals/" + id + "/deploy", "{}");
        } finally {
            HA.setWebSocketAdmin(true);
        }
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("success").asBoolean()).isFalse();
        assertThat(response.json().get("error").asText())
                .startsWith("Home Assistant failed")
                .contains("unauthorized");
        assertThat(proposal(id).get("status").asText()).isEqualTo("approved");
    }

    @Test
    void aDashboardDeploymentSnapshotsTheConfigAndTheRollbackRestoresIt() {
        JsonNode before = HA.dashboardConfig("dashboard-home").orElseThrow();
        String id = approved("""
                {"name": "Energy dashboard", "proposal_type": "dashboard",
                 "service_call": {"url_path": "dashboard-home"},
                 "dashboard_config": {"title": "Energy", "views": [{"title": "Power", "cards": []}]}}""");
        JsonNode deployment = deploy(id, 200);
        assertThat(deployment.get("success").asBoolean())
                .as(deployment.toString())
                .isTrue();
        assertThat(deployment.get("method").asText()).isEqualTo("ws_lovelace_save");
        assertThat(HA.dashboardConfig("dashboard-home")
                        .orElseThrow()
                        .get("title")
                        .asText())
                .isEqualTo("Energy");
        assertThat(deployedEvent(id).get("previous_ha_config").get("config")).isEqualTo(before);

        assertThat(rollback(id).get("action").asText()).isEqualTo("restored");
        assertThat(HA.dashboardConfig("dashboard-home").orElseThrow()).isEqualTo(before);
    }

    @Test
    void aDashboardEditedInHomeAssistantSinceTheDeploymentIsNotOverwrittenByARollback() {
        JsonNode before = HA.dashboardConfig("dashboard-home").orElseThrow();
        String id = approved("""
                {"name": "Temporary dashboard", "proposal_type": "dashboard",
                 "service_call": {"url_path": "dashboard-home"},
                 "dashboard_config": {"title": "Temporary", "views": []}}""");
        assertThat(deploy(id, 200).get("success").asBoolean()).isTrue();
        saveDashboardByHand(
                JSON.createObjectNode().put("title", "Edited by hand").set("views", JSON.createArrayNode()));

        Http.Response response = http.post("/api/v1/proposals/" + id + "/rollback", "{}");
        assertThat(response.json().get("success").asBoolean())
                .as(response.body())
                .isFalse();
        assertThat(response.json().get("ha_error").asText()).contains("was changed in Home Assistant");
        assertThat(HA.dashboardConfig("dashboard-home")
                        .orElseThrow()
                        .get("title")
                        .asText())
                .isEqualTo("Edited by hand");
        assertThat(proposal(id).get("status").asText()).isEqualTo("deployed");
        saveDashboardByHand(before);
    }

    @Test
    void aDashboardHomeAssistantRefusesIs422() {
        String id = approved("""
                {"name": "Nowhere", "proposal_type": "dashboard",
                 "service_call": {"url_path": "no-such-dashboard"},
                 "dashboard_config": {"views": []}}""");
        Http.Response response = http.post("/api/v1/proposals/" + id + "/deploy", "{}");
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().get("error").asText()).contains("config_not_found");
        assertThat(proposal(id).get("status").asText()).isEqualTo("approved");
    }

    @Test
    void anEntityCommandCallsTheServiceAndItsRollbackPutsTheStatesBack() {
        switchOff("switch.coffee_maker");
        String id = approved("""
                {"name": "Coffee now", "proposal_type": "entity_command",
                 "service_call": {"service": "switch.turn_on", "target": {"entity_id": "switch.coffee_maker"}}}""");
        JsonNode deployment = deploy(id, 200);
        assertThat(deployment.get("success").asBoolean())
                .as(deployment.toString())
                .isTrue();
        assertThat(HA.state("switch.coffee_maker").orElseThrow().get("state").asText())
                .isEqualTo("on");
        assertThat(deployedEvent(id)
                        .get("previous_ha_config")
                        .get("entity_states")
                        .get("switch.coffee_maker")
                        .get("state")
                        .asText())
                .isEqualTo("off");

        assertThat(rollback(id).get("action").asText()).isEqualTo("restored");
        assertThat(HA.state("switch.coffee_maker").orElseThrow().get("state").asText())
                .isEqualTo("off");
    }

    @Test
    void anEntityCommandWhosePreviousStateHasNoServiceCannotBeRolledBack() {
        // The kitchen sensor's reading cannot be set back by any service.
        String id = approved("""
                {"name": "Toggle sensor", "proposal_type": "entity_command",
                 "service_call": {"service": "switch.toggle",
                                  "target": {"entity_id": ["sensor.kitchen_temperature"]}}}""");
        assertThat(deploy(id, 200).get("success").asBoolean()).isTrue();
        Http.Response response = http.post("/api/v1/proposals/" + id + "/rollback", "{}");
        assertThat(response.json().get("success").asBoolean())
                .as(response.body())
                .isFalse();
        assertThat(response.json().get("ha_error").asText())
                .contains("Cannot roll back")
                .contains("sensor.kitchen_temperature");
        assertThat(proposal(id).get("status").asText()).isEqualTo("deployed");
    }

    @Test
    void aPayloadItsTypeCannotDeployIsRefusedAtCreation() {
        long before = eventCount();
        Http.Response response = http.post("/api/v1/proposals", """
                {"name": "No target", "proposal_type": "entity_command",
                 "service_call": {"service": "light.turn_on"}}""");
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(eventCount()).isEqualTo(before);
        Http.Response helper = http.post("/api/v1/proposals", """
                {"name": "Bad helper", "proposal_type": "helper", "service_call": {"domain": "toaster"}}""");
        assertThat(helper.status()).as(helper.body()).isEqualTo(422);
    }

    @Test
    void onlyAutomationsCanBeDisabled() {
        String id = approved("""
                {"name": "Script to disable", "proposal_type": "script",
                 "actions": [{"action": "light.turn_off", "target": {"entity_id": "light.hall"}}]}""");
        assertThat(deploy(id, 200).get("success").asBoolean()).isTrue();
        long before = eventCount();
        Http.Response response = http.post("/api/v1/proposals/" + id + "/disable", "{}");
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(eventCount()).isEqualTo(before);
        rollback(id);
    }

    // ---- helpers ----

    private String approved(String body) {
        String id = create(body);
        Http.Response approve = http.post("/api/v1/proposals/" + id + "/approve", "{}");
        assertThat(approve.status()).as(approve.body()).isEqualTo(200);
        return id;
    }

    private JsonNode deploy(String id, int status) {
        Http.Response response = http.post("/api/v1/proposals/" + id + "/deploy", "{}");
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response.json();
    }

    private JsonNode rollback(String id) {
        Http.Response response = http.post("/api/v1/proposals/" + id + "/rollback", "{}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("success").asBoolean())
                .as(response.body())
                .isTrue();
        return response.json();
    }

    private JsonNode history(String id) {
        return http.get("/api/v1/proposals/" + id + "/history").json().get("events");
    }

    /** The payload of the latest ProposalDeployed event. */
    private JsonNode deployedEvent(String id) {
        JsonNode found = null;
        for (JsonNode event : history(id)) {
            if (event.get("type").asText().equals("ProposalDeployed")) {
                found = event.get("payload");
            }
        }
        assertThat(found).as("a ProposalDeployed event").isNotNull();
        return found;
    }

    private Http anonymousHa() {
        return new Http(HA.baseUrl(), Map.of("Authorization", "Bearer " + HA_TOKEN));
    }

    /** Through HA's service, so the entity keeps its attributes for the tests after this one. */
    private void switchOff(String entityId) {
        Http.Response r = anonymousHa().post("/api/services/switch/turn_off", "{\"entity_id\": \"" + entityId + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** What a person editing the dashboard in HA's UI does: lovelace/config/save on HA's WebSocket. */
    private static void saveDashboardByHand(JsonNode config) {
        onHomeAssistantWebSocket(ws -> ws.saveLovelaceConfig("dashboard-home", config));
    }

    /** A WebSocket connection of its own to HA, as HA's frontend has. */
    private static void onHomeAssistantWebSocket(Consumer<HomeAssistantWebSocketClient> action) {
        HomeAssistantSettings settings =
                new HomeAssistantSettings(HA.baseUrl(), HA_TOKEN, Duration.ofSeconds(5), Duration.ofSeconds(10));
        try (HomeAssistantWebSocketClient ws = new HomeAssistantWebSocketClient(
                settings, URI.create(HA.wsUrl()), JSON, HomeAssistantWebSocketClient.Options.DEFAULTS)) {
            ws.connect();
            action.accept(ws);
        }
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}

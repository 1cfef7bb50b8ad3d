package io.aether.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Create -> approve -> deploy -> rollback through HTTP, with Home Assistant's state checked after each step. */
class ProposalLifecycleTest extends IntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void createApproveDeployRollbackChangesHomeAssistantAtEachStep() throws Exception {
        Http.Response created = http.post("/api/v1/proposals", AUTOMATION);
        assertThat(created.status()).isEqualTo(201);
        JsonNode proposal = created.json();
        String id = proposal.get("id").asText();
        assertThat(created.header("Location")).isEqualTo("/api/v1/proposals/" + id);
        assertThat(proposal.get("status").asText()).isEqualTo("proposed");
        assertThat(proposal.get("name").asText()).isEqualTo("Hall light on motion");
        assertThat(proposal.get("ha_automation_id").isNull()).isTrue();
        assertThat(HA.automationConfig(haId(id))).isEmpty();

        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        Http.Response approval = http.post(
                "/api/v1/proposals/" + id + "/approve",
                "{\"approved_by\": \"alice\", \"comment\": \"looks right\"}",
                ifMatch(1));
        assertThat(approval.header("ETag")).isEqualTo("\"2\"");
        JsonNode approved = approval.json();
        assertThat(approved.get("status").asText()).isEqualTo("approved");
        assertThat(approved.get("approved_by").asText()).isEqualTo("alice");
        assertThat(approved.get("approved_at").isNull()).isFalse();
        assertThat(HA.automationConfig(haId(id))).isEmpty();

        Http.Response deployed = http.post("/api/v1/proposals/" + id + "/deploy", "{}");
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        JsonNode deployment = deployed.json();
        assertThat(deployment.get("success").asBoolean()).isTrue();
        assertThat(deployment.get("method").asText()).isEqualTo("rest_api");
        assertThat(deployment.get("ha_automation_id").asText()).isEqualTo(haId(id));
        assertThat(deployment.get("yaml_content").asText()).contains("alias: Hall light on motion");
        JsonNode haConfig = HA.automationConfig(haId(id)).orElseThrow();
        assertThat(haConfig.get("alias").asText()).isEqualTo("Hall light on motion");
        assertThat(haConfig.get("triggers").get(0).get("entity_id").get(0).asText())
                .isEqualTo("binary_sensor.hall_motion");
        String entityId = HA.automationEntityId(haId(id)).orElseThrow();
        assertThat(HA.state(entityId).orElseThrow().get("state").asText()).isEqualTo("on");

        JsonNode detail = proposal(id);
        assertThat(detail.get("status").asText()).isEqualTo("deployed");
        assertThat(detail.get("ha_state").asText()).isEqualTo("on");
        assertThat(detail.get("ha_automation_id").asText()).isEqualTo(haId(id));

        Http.Response rolledBack = http.post("/api/v1/proposals/" + id + "/rollback", "{\"reason\": \"too bright\"}");
        assertThat(rolledBack.status()).as(rolledBack.body()).isEqualTo(200);
        JsonNode rollback = rolledBack.json();
        assertThat(rollback.get("success").asBoolean()).isTrue();
        assertThat(rollback.get("action").asText()).isEqualTo("deleted");
        assertThat(rollback.get("target_version").asInt()).isEqualTo(3);
        // Nothing existed in HA before the first deployment, so rollback removes the automation.
        assertThat(HA.automationConfig(haId(id))).isEmpty();
        assertThat(HA.state(entityId)).isEmpty();
        assertThat(proposal(id).get("status").asText()).isEqualTo("rolled_back");
    }

    @Test
    void historyListsEveryEventInOrderWithActorAndReason() {
        String id = createDeployed();
        http.post("/api/v1/proposals/" + id + "/rollback", "{\"reason\": \"not needed\"}");

        JsonNode events =
                http.get("/api/v1/proposals/" + id + "/history").json().get("events");
        List<String> types = StreamSupport.stream(events.spliterator(), false)
                .map(e -> e.get("type").asText())
                .toList();
        assertThat(types)
                .containsExactly(
                        "ProposalCreated",
                        "ProposalApproved",
                        "ProposalDeploymentRequested",
                        "ProposalDeployed",
                        "ProposalRollbackRequested",
                        "ProposalRolledBack");
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).get("version").asInt()).isEqualTo(i + 1);
            assertThat(events.get(i).get("actor").get("type").asText()).isEqualTo("user");
            assertThat(events.get(i).get("correlation_id").isTextual())
                    .as(events.get(i).toString())
                    .isTrue();
            assertThat(events.get(i).get("timestamp").asText()).isNotBlank();
        }
        assertThat(events.get(4).get("reason").asText()).isEqualTo("not needed");
        JsonNode deployed = events.get(3).get("payload");
        assertThat(deployed.get("deployed_config").get("id").asText()).isEqualTo(haId(id));
        assertThat(deployed.get("previous_ha_config").isNull()).isTrue();
    }

    @Test
    void timeTravelByVersionAndInstantUsesTheSameFold() {
        String id = createApproved();
        Instant afterApproval = Instant.now();
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(afterApproval.plusMillis(5)));
        // Revoking an approval names the approved version it revokes.
        assertThat(http.post("/api/v1/proposals/" + id + "/reject", "{\"reason\": \"changed my mind\"}")
                        .status())
                .isEqualTo(409);
        http.post("/api/v1/proposals/" + id + "/reject", "{\"reason\": \"changed my mind\"}", ifMatch(2));

        assertThat(proposal(id).get("status").asText()).isEqualTo("rejected");
        JsonNode v1 = http.get("/api/v1/proposals/" + id + "?version=1").json();
        assertThat(v1.get("status").asText()).isEqualTo("proposed");
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        JsonNode v2 = http.get("/api/v1/proposals/" + id + "?version=2").json();
        assertThat(v2.get("status").asText()).isEqualTo("approved");
        JsonNode atApproval =
                http.get("/api/v1/proposals/" + id + "?at=" + afterApproval).json();
        assertThat(atApproval.get("status").asText()).isEqualTo("approved");
        assertThat(atApproval.get("rejection_reason").isNull()).isTrue();
    }

    @Test
    void rejectEndsTheProposalAndHomeAssistantIsNeverTouched() {
        String id = create(AUTOMATION);
        int before = HA.requestCount("POST", "/api/config/automation");
        JsonNode rejected = http.post(
                        "/api/v1/proposals/" + id + "/reject", "{\"reason\": \"wrong room\", \"rejected_by\": \"bob\"}")
                .json();
        assertThat(rejected.get("status").asText()).isEqualTo("rejected");
        assertThat(rejected.get("rejection_reason").asText()).isEqualTo("wrong room");
        assertThat(HA.automationConfig(haId(id))).isEmpty();
        assertThat(HA.requestCount("POST", "/api/config/automation")).isEqualTo(before);
        assertThat(http.post("/api/v1/proposals/" + id + "/deploy", "{}").status())
                .isEqualTo(409);
        JsonNode archived =
                http.post("/api/v1/proposals/" + id + "/archive", "{}").json();
        assertThat(archived.get("status").asText()).isEqualTo("archived");
    }

    @Test
    void createFromYamlTakesTheFieldsFromTheYaml() {
        String yaml = """
                alias: Porch light at sunset
                description: Evening lights
                triggers:
                  - trigger: sun
                    event: sunset
                conditions: []
                actions:
                  - action: light.turn_on
                    target:
                      entity_id: light.living_room
                mode: restart
                """;
        Http.Response created =
                http.post("/api/v1/proposals", JSON.createObjectNode().put("yaml_content", yaml));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode p = created.json();
        assertThat(p.get("name").asText()).isEqualTo("Porch light at sunset");
        assertThat(p.get("mode").asText()).isEqualTo("restart");
        assertThat(p.get("trigger").get(0).get("event").asText()).isEqualTo("sunset");
        String detailYaml = proposal(p.get("id").asText()).get("yaml_content").asText();
        assertThat(detailYaml)
                .startsWith("# Aether proposal: Porch light at sunset")
                .contains("mode: restart")
                .contains("entity_id: light.living_room");
    }

    @Test
    void disableAndEnableTurnTheAutomationOffAndOnInHomeAssistant() {
        String id = createDeployed();
        String entityId = HA.automationEntityId(haId(id)).orElseThrow();

        assertThat(http.post("/api/v1/proposals/" + id + "/disable", "{}")
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("disabled");
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        HA.state(entityId).orElseThrow().get("state").asText().equals("off"));

        assertThat(http.post("/api/v1/proposals/" + id + "/enable", "{}")
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("deployed");
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        HA.state(entityId).orElseThrow().get("state").asText().equals("on"));
    }

    @Test
    void aDisableThatHomeAssistantMissesIsRecordedInTheHistory() {
        String id = createDeployed();
        HA.setAvailable(false);
        try {
            assertThat(http.post("/api/v1/proposals/" + id + "/disable", "{}")
                            .json()
                            .get("status")
                            .asText())
                    .isEqualTo("disabled");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                JsonNode events =
                        http.get("/api/v1/proposals/" + id + "/history").json().get("events");
                JsonNode last = events.get(events.size() - 1);
                assertThat(last.get("type").asText()).isEqualTo("ProposalAutomationSwitchFailed");
                assertThat(last.get("payload").get("operation").asText()).isEqualTo("turn_off");
            });
        } finally {
            HA.setAvailable(true);
        }
    }

    @Test
    void listIsNewestFirstHonoursStatusLimitAndOffsetAndPendingShowsOnlyProposed() {
        String first = create(AUTOMATION);
        String second = createApproved();
        String third = create(AUTOMATION);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode page = http.get("/api/v1/proposals?limit=3&offset=0").json();
            assertThat(ids(page)).containsExactly(third, second, first);
        });
        JsonNode page2 = http.get("/api/v1/proposals?limit=2&offset=1").json();
        assertThat(ids(page2)).containsExactly(second, first);
        assertThat(page2.get("limit").asInt()).isEqualTo(2);
        assertThat(page2.get("offset").asInt()).isEqualTo(1);
        assertThat(page2.get("total").asLong()).isGreaterThanOrEqualTo(3);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode approved =
                    http.get("/api/v1/proposals?status=approved&limit=500").json();
            assertThat(ids(approved)).contains(second).doesNotContain(first, third);
            StreamSupport.stream(approved.get("items").spliterator(), false)
                    .forEach(p -> assertThat(p.get("status").asText()).isEqualTo("approved"));
        });
        JsonNode pending = http.get("/api/v1/proposals/pending?limit=500").json();
        assertThat(ids(pending)).contains(first, third).doesNotContain(second);
    }

    @Test
    void deletedProposalIsGoneFromGetAndListButItsHistoryStays() {
        String id = create(AUTOMATION);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ids(http.get("/api/v1/proposals?limit=500").json()).contains(id));

        assertThat(http.delete("/api/v1/proposals/" + id).status()).isEqualTo(204);
        assertThat(http.get("/api/v1/proposals/" + id).status()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        !ids(http.get("/api/v1/proposals?limit=500").json()).contains(id));
        JsonNode events =
                http.get("/api/v1/proposals/" + id + "/history").json().get("events");
        assertThat(events.get(events.size() - 1).get("type").asText()).isEqualTo("ProposalDeleted");
    }

    static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .map(p -> p.get("id").asText())
                .toList();
    }
}

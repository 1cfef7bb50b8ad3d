package io.aether.domain.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.domain.actor.Actor;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The config each proposal type sends to Home Assistant, and the payloads it refuses. */
class DeploymentConfigTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HA_ID = "aether_0123456789abcdef0123456789abcdef";

    private static ProposalContent content(ProposalType type, String actions, String serviceCall, String dashboard)
            throws Exception {
        return new ProposalContent(
                type,
                "Evening",
                null,
                null,
                null,
                actions == null ? null : JSON.readTree(actions),
                "single",
                serviceCall == null ? null : JSON.readTree(serviceCall),
                dashboard == null ? null : JSON.readTree(dashboard),
                null,
                null);
    }

    @Test
    void aScriptIsAliasDescriptionSequenceAndMode() throws Exception {
        JsonNode config = DeploymentConfig.build(
                content(ProposalType.SCRIPT, "[{\"action\": \"light.turn_on\"}]", null, null), HA_ID);
        assertThat(config.toString())
                .isEqualTo("{\"alias\":\"Evening\",\"description\":\"\",\"sequence\":[{\"action\":\"light.turn_on\"}],"
                        + "\"mode\":\"single\"}");
    }

    @Test
    void aSceneTakesItsEntitiesFromActionsAndRefusesAnythingElse() throws Exception {
        JsonNode config = DeploymentConfig.build(
                content(ProposalType.SCENE, "{\"light.hall\": {\"state\": \"on\"}}", null, null), HA_ID);
        assertThat(config.get("id").asText()).isEqualTo(HA_ID);
        assertThat(config.get("name").asText()).isEqualTo("Evening");
        assertThat(config.get("entities").get("light.hall").get("state").asText())
                .isEqualTo("on");
        assertThatThrownBy(() -> DeploymentConfig.build(content(ProposalType.SCENE, "[1]", null, null), HA_ID))
                .isInstanceOf(InvalidProposalCommandException.class);
    }

    @Test
    void aHelperIsItsDomainNameAndFields() throws Exception {
        JsonNode config = DeploymentConfig.build(
                content(ProposalType.HELPER, null, "{\"domain\": \"counter\", \"step\": 2}", null), HA_ID);
        assertThat(config.toString()).isEqualTo("{\"domain\":\"counter\",\"name\":\"Evening\",\"step\":2}");
        assertThatThrownBy(() -> DeploymentConfig.build(
                        content(ProposalType.HELPER, null, "{\"domain\": \"toaster\"}", null), HA_ID))
                .isInstanceOf(InvalidProposalCommandException.class)
                .hasMessageContaining("input_number");
    }

    @Test
    void aDashboardIsItsUrlPathAndConfig() throws Exception {
        JsonNode config = DeploymentConfig.build(
                content(ProposalType.DASHBOARD, null, "{\"url_path\": \"dashboard-x\"}", "{\"views\": []}"), HA_ID);
        assertThat(config.toString()).isEqualTo("{\"url_path\":\"dashboard-x\",\"config\":{\"views\":[]}}");
        JsonNode defaultBoard = DeploymentConfig.build(content(ProposalType.DASHBOARD, null, null, "{}"), HA_ID);
        assertThat(defaultBoard.get("url_path").isNull()).isTrue();
        assertThatThrownBy(() -> DeploymentConfig.build(
                        content(ProposalType.DASHBOARD, null, "{\"url_path\": \"nohyphen\"}", "{}"), HA_ID))
                .isInstanceOf(InvalidProposalCommandException.class);
    }

    @Test
    void anEntityCommandNormalisesServiceTargetAndData() throws Exception {
        JsonNode config = DeploymentConfig.build(
                content(
                        ProposalType.ENTITY_COMMAND,
                        null,
                        "{\"service\": \"light.turn_on\", \"entity_id\": \"light.hall\","
                                + " \"data\": {\"brightness\": 10, \"entity_id\": [\"light.kitchen\", \"light.hall\"]}}",
                        null),
                HA_ID);
        assertThat(config.toString())
                .isEqualTo(
                        "{\"domain\":\"light\",\"service\":\"turn_on\","
                                + "\"target\":{\"entity_id\":[\"light.hall\",\"light.kitchen\"]},\"data\":{\"brightness\":10}}");
        assertThatThrownBy(() -> DeploymentConfig.build(
                        content(ProposalType.ENTITY_COMMAND, null, "{\"service\": \"light.turn_on\"}", null), HA_ID))
                .isInstanceOf(InvalidProposalCommandException.class)
                .hasMessageContaining("target.entity_id");
        assertThatThrownBy(() -> DeploymentConfig.build(
                        content(ProposalType.ENTITY_COMMAND, null, "{\"service\": \"turn_on\"}", null), HA_ID))
                .isInstanceOf(InvalidProposalCommandException.class);
    }

    @Test
    void aRevisionReplacesTheContentInTheFold() throws Exception {
        ProposalContent first = content(ProposalType.SCRIPT, "[{\"action\": \"a.b\"}]", null, null);
        ProposalContent second = content(ProposalType.SCRIPT, "[{\"action\": \"c.d\"}]", null, null);
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-12-03T09:00:00Z");
        ProposalState state = ProposalFold.apply(null, new ProposalCreated(id, first, HA_ID, Actor.system()), at);
        state = ProposalFold.apply(state, new ProposalRevised(id, second, Actor.system()), at);
        assertThat(state.content()).isEqualTo(second);
        assertThat(state.version()).isEqualTo(2);
        assertThat(state.status()).isEqualTo(ProposalStatus.PROPOSED);
    }
}

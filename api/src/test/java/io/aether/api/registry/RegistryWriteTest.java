package io.aether.api.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** POST /registry/services/call, POST /registry/helpers, DELETE /registry/helpers/{domain}/{input_id}. */
class RegistryWriteTest extends IntegrationTest {

    @Test
    void theOwnerCallsAServiceAndTheCallIsRecordedWithTheActor() {
        long requested = count("ServiceCallRequested");
        long completed = count("ServiceCallCompleted");
        Http.Response response = http.post(
                "/api/v1/registry/services/call",
                "{\"domain\": \"light\", \"service\": \"turn_on\", \"data\": {\"entity_id\": \"light.hall\"}}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.get("domain").asText()).isEqualTo("light");
        assertThat(body.get("service").asText()).isEqualTo("turn_on");
        assertThat(HA.state("light.hall").orElseThrow().get("state").asText()).isEqualTo("on");
        assertThat(count("ServiceCallRequested")).isEqualTo(requested + 1);
        assertThat(count("ServiceCallCompleted")).isEqualTo(completed + 1);
        String payload = jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry"
                        + " WHERE payload_type LIKE '%ServiceCallRequested' ORDER BY global_index DESC LIMIT 1")
                .query(String.class)
                .single();
        assertThat(payload).contains("\"name\":\"" + OWNER + "\"").contains("light.hall");

        anonymousHaCall("light", "turn_off", "light.hall");
    }

    @Test
    void anApiKeyCanNeverCallAServiceDirectly() {
        Http.Response key = http.post("/api/v1/auth/api-keys", Map.of("name", "svc-bot-" + UUID.randomUUID()));
        assertThat(key.status()).as(key.body()).isIn(200, 201);
        Http bot = new Http(
                anonymous.base(), Map.of("X-API-Key", key.json().get("key").asText()));
        long before = eventCount();
        Http.Response response = bot.post(
                "/api/v1/registry/services/call",
                "{\"domain\": \"light\", \"service\": \"turn_on\", \"data\": {\"entity_id\": \"light.hall\"}}");
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(eventCount()).isEqualTo(before);
        assertThat(anonymous
                        .post("/api/v1/registry/services/call", "{\"domain\": \"light\", \"service\": \"turn_on\"}")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void badServiceCallsAreRefusedBeforeAnythingIsRecorded() {
        long before = eventCount();
        assertThat(http.post("/api/v1/registry/services/call", "{\"domain\": \"light\"}")
                        .status())
                .isIn(400, 422);
        assertThat(http.post(
                                "/api/v1/registry/services/call",
                                "{\"domain\": \"homeassistant\", \"service\": \"restart\"}")
                        .status())
                .isEqualTo(403);
        assertThat(http.post("/api/v1/registry/services/call", "{\"domain\": \"Light!\", \"service\": \"on\"}")
                        .status())
                .isEqualTo(422);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aServiceHomeAssistantDoesNotKnowIs422WithItsMessageAndTheFailureIsRecorded() {
        long completed = count("ServiceCallCompleted");
        Http.Response response =
                http.post("/api/v1/registry/services/call", "{\"domain\": \"light\", \"service\": \"explode\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().get("error").get("message").asText()).contains("not_found");
        assertThat(count("ServiceCallCompleted")).isEqualTo(completed + 1);
    }

    @Test
    void helpersAreCreatedAndDeletedOverTheWebSocket() {
        String name = "Holiday " + UUID.randomUUID().toString().substring(0, 8);
        String id = name.toLowerCase().replace(' ', '_');
        Http.Response created = http.post(
                "/api/v1/registry/helpers",
                "{\"helper_type\": \"input_select\", \"input_id\": \"" + id + "\", \"name\": \"" + name
                        + "\", \"config\": {\"options\": [\"home\", \"away\"]}}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().get("success").asBoolean()).isTrue();
        assertThat(created.json().get("entity_id").asText()).isEqualTo("input_select." + id);
        assertThat(HA.helper("input_select", id)).isPresent();
        assertThat(HA.state("input_select." + id).orElseThrow().get("state").asText())
                .isEqualTo("home");

        Http.Response deleted = http.delete("/api/v1/registry/helpers/input_select/" + id);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.json().get("entity_id").asText()).isEqualTo("input_select." + id);
        assertThat(HA.helper("input_select", id)).isEmpty();
        assertThat(http.delete("/api/v1/registry/helpers/input_select/" + id).status())
                .isEqualTo(404);
    }

    @Test
    void aHelperHomeAssistantRefusesIs422WithItsReason() {
        Http.Response refused = http.post(
                "/api/v1/registry/helpers",
                "{\"helper_type\": \"input_select\", \"input_id\": \"empty\", \"name\": \"Empty\","
                        + " \"config\": {\"options\": []}}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("success").asBoolean()).isFalse();
        assertThat(refused.json().get("error").asText()).contains("options");
        assertThat(http.post(
                                "/api/v1/registry/helpers",
                                "{\"helper_type\": \"toaster\", \"input_id\": \"x\", \"name\": \"X\"}")
                        .status())
                .isEqualTo(422);
        assertThat(http.delete("/api/v1/registry/helpers/toaster/x").status()).isEqualTo(422);
    }

    @Test
    void homeAssistantUnreachableIs502() {
        HA.stopWebSocket();
        try {
            Http.Response response = http.post(
                    "/api/v1/registry/helpers", "{\"helper_type\": \"counter\", \"input_id\": \"c\", \"name\": \"C\"}");
            assertThat(response.status()).as(response.body()).isEqualTo(502);
            assertThat(response.body()).doesNotContain(HA_TOKEN);
        } finally {
            HA.startWebSocket();
            // Leave the shared connection usable for the next test: it reconnects with back-off.
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> http.post("/api/v1/entities/sync", "{}").status() == 200);
        }
    }

    private long count(String eventType) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE :t")
                .param("t", "%." + eventType)
                .query(Long.class)
                .single();
    }

    private void anonymousHaCall(String domain, String service, String entityId) {
        Http ha = new Http(HA.baseUrl(), Map.of("Authorization", "Bearer " + HA_TOKEN));
        ha.post("/api/services/" + domain + "/" + service, "{\"entity_id\": \"" + entityId + "\"}");
    }
}

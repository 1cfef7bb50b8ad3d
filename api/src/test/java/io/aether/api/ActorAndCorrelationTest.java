package io.aether.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Every event names the authenticated principal, never a name from the body, and carries the
 * correlation id of the request that caused it, through the process manager's outcome events too.
 */
class ActorAndCorrelationTest extends IntegrationTest {

    @Test
    void approvingWithAnOwnerSessionRecordsTheOwnerAndKeepsApprovedByAsALabelOnly() {
        String id = create(AUTOMATION);
        Http.Response approved = http.post(
                "/api/v1/proposals/" + id + "/approve", "{\"approved_by\": \"the-ceo\", \"comment\": \"ok\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("approved_by").asText()).isEqualTo("the-ceo");

        JsonNode approval = event(history(id), "ProposalApproved");
        assertThat(approval.get("actor").get("type").asText()).isEqualTo("user");
        assertThat(approval.get("actor").get("id").asText()).isEqualTo(OWNER);
        assertThat(approval.get("actor").get("name").asText()).isEqualTo(OWNER);
        assertThat(approval.get("label").asText()).isEqualTo("the-ceo");
        assertThat(approval.get("payload").get("actor").get("type").asText()).isEqualTo("user");
        assertThat(event(history(id), "ProposalCreated")
                        .get("actor")
                        .get("name")
                        .asText())
                .isEqualTo(OWNER);
    }

    @Test
    void approvingWithAnApiKeyRecordsTheKeyByIdAndName() {
        Http.Response key = http.post("/api/v1/auth/api-keys", Map.of("name", "ci-bot"));
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        Http script = new Http(
                anonymous.base(), Map.of("X-API-Key", key.json().get("key").asText()));
        String id = create(AUTOMATION);

        Http.Response approved =
                script.post("/api/v1/proposals/" + id + "/approve", "{\"approved_by\": \"" + OWNER + "\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        JsonNode approval = event(history(id), "ProposalApproved");
        assertThat(approval.get("actor").get("type").asText()).isEqualTo("api_key");
        assertThat(approval.get("actor").get("id").asText())
                .isEqualTo(key.json().get("id").asText());
        assertThat(approval.get("actor").get("name").asText()).isEqualTo("ci-bot");
        // the body claimed to be the owner: that stays a label beside the key
        assertThat(approval.get("label").asText()).isEqualTo(OWNER);

        String unlabelled = create(AUTOMATION);
        script.post("/api/v1/proposals/" + unlabelled + "/approve", "{}");
        assertThat(event(history(unlabelled), "ProposalApproved").get("label").isNull())
                .isTrue();
        assertThat(proposal(unlabelled).get("approved_by").asText()).isEqualTo("ci-bot");
    }

    @Test
    void oneDeployRequestsEventsShareItsCorrelationIdUpToTheProcessManagersOutcome() {
        String id = createApproved();
        String correlationId = "deploy-" + UUID.randomUUID();

        Http.Response deploy =
                http.post("/api/v1/proposals/" + id + "/deploy", null, Map.of("X-Correlation-ID", correlationId));
        assertThat(deploy.status()).as(deploy.body()).isEqualTo(200);
        assertThat(deploy.header("X-Correlation-ID")).isEqualTo(correlationId);

        JsonNode events = history(id);
        JsonNode requested = event(events, "ProposalDeploymentRequested");
        JsonNode deployed = event(events, "ProposalDeployed");
        assertThat(requested.get("correlation_id").asText()).isEqualTo(correlationId);
        assertThat(deployed.get("correlation_id").asText()).isEqualTo(correlationId);
        assertThat(event(events, "ProposalApproved").get("correlation_id").asText())
                .isNotEqualTo(correlationId);
        // each was recorded by its own command: the request's, then the process manager's
        assertThat(requested.get("causation_id").isTextual())
                .as(requested.toString())
                .isTrue();
        assertThat(deployed.get("causation_id").isTextual())
                .as(deployed.toString())
                .isTrue();
        assertThat(deployed.get("causation_id").asText())
                .isNotEqualTo(requested.get("causation_id").asText());
        // stored beside them: the principal, and Axon's own trace of the chain
        String metadata = jdbc.sql("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? AND payload_type LIKE '%.ProposalDeployed'")
                .param(id)
                .query(String.class)
                .single();
        assertThat(metadata).contains("\"actor_type\":\"user\"", "\"traceId\"", correlationId);
        // the outcome names the requester, not the process manager
        assertThat(deployed.get("actor").get("type").asText()).isEqualTo("user");
        assertThat(deployed.get("actor").get("name").asText()).isEqualTo(OWNER);
    }

    @Test
    void aRollbackWithoutACorrelationHeaderGetsOneThatItsEventsShare() {
        String id = createDeployed();

        Http.Response rollback = http.post("/api/v1/proposals/" + id + "/rollback", "{\"reason\": \"noisy\"}");
        assertThat(rollback.status()).as(rollback.body()).isEqualTo(200);
        String generated = rollback.header("X-Correlation-ID");
        assertThat(generated).isNotBlank();

        JsonNode events = history(id);
        assertThat(event(events, "ProposalRollbackRequested")
                        .get("correlation_id")
                        .asText())
                .isEqualTo(generated);
        JsonNode rolledBack = event(events, "ProposalRolledBack");
        assertThat(rolledBack.get("correlation_id").asText()).isEqualTo(generated);
        assertThat(rolledBack.get("reason").asText()).isEqualTo("noisy");
        assertThat(rolledBack.get("actor").get("name").asText()).isEqualTo(OWNER);
    }

    @Test
    void theSecurityAuditNamesThePrincipalAndKeepsAClaimedUserNameAsALabel() {
        anonymous.post("/api/v1/auth/login", "{\"username\": \"mallory\", \"password\": \"wrong-password\"}");
        String correlationId = "audit-" + UUID.randomUUID();
        Http.Response key = http.post(
                "/api/v1/auth/api-keys", "{\"name\": \"audited-key\"}", Map.of("X-Correlation-ID", correlationId));
        assertThat(key.status()).as(key.body()).isEqualTo(201);

        JsonNode items = http.get("/api/v1/auth/audit?limit=50").json().get("items");
        JsonNode failed = first(
                items,
                "LoginFailed",
                entry -> "mallory".equals(entry.path("label").asText()));
        assertThat(failed.get("actor").get("type").asText()).isEqualTo("anonymous");
        JsonNode issued = first(
                items,
                "ApiKeyIssued",
                entry -> "audited-key".equals(entry.path("details").path("name").asText()));
        assertThat(issued.get("actor").get("type").asText()).isEqualTo("user");
        assertThat(issued.get("actor").get("name").asText()).isEqualTo(OWNER);
        assertThat(issued.get("correlation_id").asText()).isEqualTo(correlationId);
    }

    /** Events written before actors were principals (revision 1) are upcast when read, by every reader. */
    @Test
    void revisionOneEventsReadBackWithAnUnknownActorNamedAsStored() {
        String id = UUID.randomUUID().toString();
        storeRevisionOne(id, 0, "ProposalCreated", """
                {"proposalId":"%s","content":{"proposalType":"automation","name":"From the old days",
                 "trigger":[{"trigger":"sun","event":"sunset"}],"actions":[{"action":"light.turn_on"}],
                 "mode":"single"},"haAutomationId":"%s","actor":"user"}""".formatted(id, haId(id)));
        storeRevisionOne(id, 1, "ProposalApproved", """
                {"proposalId":"%s","actor":"alice","comment":"typed into approved_by back then"}""".formatted(id));

        JsonNode approval = event(history(id), "ProposalApproved");
        assertThat(approval.get("actor").get("type").asText()).isEqualTo("unknown");
        assertThat(approval.get("actor").get("name").asText()).isEqualTo("alice");
        assertThat(approval.get("correlation_id").isNull()).isTrue();
        assertThat(proposal(id).get("approved_by").asText()).isEqualTo("alice");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(StreamSupport.stream(
                                        http.get("/api/v1/proposals?status=approved&limit=500")
                                                .json()
                                                .get("items")
                                                .spliterator(),
                                        false)
                                .filter(item -> item.get("id").asText().equals(id))
                                .map(item -> item.get("approved_by").asText()))
                        .containsExactly("alice"));
    }

    /** The principal is never a request parameter, and If-Match is documented as the header it is. */
    @Test
    void theOpenApiDescriptionHasNoActorParameterAndIfMatchAsAHeader() {
        JsonNode api = http.get("/api/openapi.json").json();
        JsonNode parameters = api.path("paths")
                .path("/api/v1/proposals/{id}/approve")
                .path("post")
                .path("parameters");
        List<String> names = StreamSupport.stream(parameters.spliterator(), false)
                .map(p -> p.get("in").asText() + ":" + p.get("name").asText())
                .toList();
        assertThat(names).as(parameters.toString()).containsExactlyInAnyOrder("path:id", "header:If-Match");
        JsonNode proposal =
                api.path("components").path("schemas").path("ProposalResponse").path("properties");
        assertThat(proposal.has("approved_by")).isTrue();
        assertThat(proposal.has("original_yaml")).as(proposal.toString()).isTrue();
    }

    private void storeRevisionOne(String aggregateId, long sequence, String type, String payload) {
        jdbc.sql(
                        "INSERT INTO domain_event_entry (event_identifier, meta_data, payload, payload_revision, payload_type, "
                                + "time_stamp, aggregate_identifier, sequence_number, type) "
                                + "VALUES (?, convert_to('{}', 'UTF8'), convert_to(?, 'UTF8'), '1', ?, ?, ?, ?, 'ProposalAggregate')")
                .params(
                        UUID.randomUUID().toString(),
                        payload,
                        "io.aether.domain.proposal." + type,
                        Instant.now().toString(),
                        aggregateId,
                        sequence)
                .update();
    }

    private JsonNode history(String id) {
        Http.Response response = http.get("/api/v1/proposals/" + id + "/history");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("events");
    }

    private static JsonNode event(JsonNode events, String type) {
        List<JsonNode> matching = StreamSupport.stream(events.spliterator(), false)
                .filter(e -> e.get("type").asText().equals(type))
                .toList();
        assertThat(matching).as(events.toString()).hasSize(1);
        return matching.get(0);
    }

    private static JsonNode first(JsonNode items, String event, Predicate<JsonNode> which) {
        return StreamSupport.stream(items.spliterator(), false)
                .filter(entry -> entry.get("event").asText().equals(event) && which.test(entry))
                .findFirst()
                .orElseThrow(() -> new AssertionError(event + " not in " + items));
    }
}

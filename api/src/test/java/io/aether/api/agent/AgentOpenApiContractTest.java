package io.aether.api.agent;

import static io.aether.api.agent.AgentApi.AGENTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import io.aether.api.support.OpenApiContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document matches the agent endpoints' wire: every real answer (2xx of each
 * kind and the error envelopes) has a documented status and validates against the documented
 * schema, nulls included (an agent with no active config, a draft without semver).
 */
class AgentOpenApiContractTest extends IntegrationTest {
    private OpenApiContract contract;
    private AgentApi api;
    private final List<String> problems = new ArrayList<>();
    private final List<Integer> statuses = new ArrayList<>();

    @BeforeEach
    void loadDocument() {
        Http.Response document = anonymous.get("/api/openapi.json");
        assertThat(document.status()).as(document.body()).isEqualTo(200);
        contract = new OpenApiContract(document.json());
        api = new AgentApi(http);
    }

    @Test
    void agentResponsesMatchTheDocument() {
        check("POST", AGENTS + "/seed", http.post(AGENTS + "/seed", (String) null));
        check("GET", AGENTS, http.get(AGENTS));
        check("GET", AGENTS + "/available", http.get(AGENTS + "/available"));
        check("GET", AGENTS + "/architect", http.get(AGENTS + "/architect"));
        Http.Response clone = check("POST", AGENTS + "/research/clone", http.post(AGENTS + "/research/clone", ""));
        String agent = clone.json().get("name").asText();
        String base = AGENTS + "/" + agent;
        check("GET", base + "/config/versions", http.get(base + "/config/versions"));
        check("GET", base + "/prompt/versions", http.get(base + "/prompt/versions"));
        check("POST", base + "/promote-all", http.post(base + "/promote-all", ""));
        check("PATCH", base, api.patch(base, "{\"status\": \"primary\"}"));
        check("PATCH", base + "/model", api.patch(base + "/model", "{\"model_name\": \"m\"}"));

        Http.Response config = check("POST", base + "/config/versions", http.post(base + "/config/versions", "{}"));
        String configId = config.json().get("id").asText();
        check("PATCH", base + "/config/versions/" + configId, api.patch(base + "/config/versions/" + configId, "{}"));
        check(
                "POST",
                base + "/config/versions/" + configId + "/promote",
                http.post(base + "/config/versions/" + configId + "/promote", ""));
        check("POST", base + "/config/rollback", http.post(base + "/config/rollback", ""));
        String doomed = api.configDraft(agent, "{}");
        check("DELETE", base + "/config/versions/" + doomed, http.delete(base + "/config/versions/" + doomed));

        Http.Response prompt = check(
                "POST",
                base + "/prompt/versions",
                http.post(base + "/prompt/versions", "{\"prompt_template\": \"p\"}"));
        String promptId = prompt.json().get("id").asText();
        check(
                "PATCH",
                base + "/prompt/versions/" + promptId,
                api.patch(base + "/prompt/versions/" + promptId, "{\"change_summary\": \"s\"}"));
        check(
                "POST",
                base + "/prompt/versions/" + promptId + "/promote",
                http.post(base + "/prompt/versions/" + promptId + "/promote", ""));
        check("POST", base + "/prompt/rollback", http.post(base + "/prompt/rollback", "{\"to_version\": 1}"));
        String doomedPrompt = http.post(base + "/prompt/versions", "{\"prompt_template\": \"q\"}")
                .json()
                .get("id")
                .asText();
        check(
                "DELETE",
                base + "/prompt/versions/" + doomedPrompt,
                http.delete(base + "/prompt/versions/" + doomedPrompt));
        check("POST", base + "/promote-all", http.post(base + "/promote-all", ""));
        check("GET", base + "/history", http.get(base + "/history"));
        check("GET", base + "?at=" + java.time.Instant.now(), http.get(base + "?at=" + java.time.Instant.now()));
        Http.Response clonedClone = check("POST", base + "/clone", http.post(base + "/clone", ""));
        check(
                "GET",
                AGENTS + "/" + clonedClone.json().get("name").asText(),
                http.get(AGENTS + "/" + clonedClone.json().get("name").asText()));

        assertThat(statuses).contains(200, 201, 204);
        assertThat(problems).isEmpty();
    }

    @Test
    void agentErrorEnvelopesMatchTheDocument() {
        api.seed();
        check("GET", AGENTS + "/nobody", http.get(AGENTS + "/nobody"));
        check("PATCH", AGENTS + "/architect", api.patch(AGENTS + "/architect", "{\"status\": \"boss\"}"));
        check(
                "POST",
                AGENTS + "/architect/config/versions",
                http.post(AGENTS + "/architect/config/versions", "{\"temperature\": 9}"));
        check("POST", AGENTS + "/architect/config/rollback", http.post(AGENTS + "/architect/config/rollback", ""));

        assertThat(statuses).contains(400, 404, 409, 422);
        assertThat(problems).isEmpty();
    }

    private Http.Response check(String method, String path, Http.Response response) {
        statuses.add(response.status());
        problems.addAll(contract.problems(method, path, response.status(), response.body()));
        return response;
    }
}

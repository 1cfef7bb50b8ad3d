package io.aether.api.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import io.aether.api.support.OpenApiContract;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document matches the wire for issue 10's endpoints: the proposal helpers, deployments
 * of the other types (a refusal included), the registry writes and the dashboards.
 */
class HomeAssistantWritesContractTest extends IntegrationTest {
    private static final String PROPOSALS = "/api/v1/proposals";
    private OpenApiContract contract;
    private final List<String> problems = new ArrayList<>();
    private final List<Integer> statuses = new ArrayList<>();

    @BeforeEach
    void loadDocument() {
        Http.Response document = anonymous.get("/api/openapi.json");
        assertThat(document.status()).as(document.body()).isEqualTo(200);
        contract = new OpenApiContract(document.json());
    }

    @Test
    void proposalHelperAndDeploymentResponsesMatchTheDocument() {
        String id = create(AUTOMATION);
        check("PATCH", PROPOSALS + "/" + id + "/yaml", http.patch(PROPOSALS + "/" + id + "/yaml", """
                {"yaml_content": "alias: Edited\\ntriggers: [{trigger: state, entity_id: light.hall}]\\nactions: [{action: light.turn_off, target: {entity_id: light.hall}}]"}"""));
        check("PATCH", PROPOSALS + "/" + id + "/yaml", http.patch(PROPOSALS + "/" + id + "/yaml", "{}"));
        check("POST", PROPOSALS + "/" + id + "/validate", http.post(PROPOSALS + "/" + id + "/validate", "{}"));
        check("GET", PROPOSALS + "/" + id + "/verify", http.get(PROPOSALS + "/" + id + "/verify"));
        String missing = PROPOSALS + "/" + UUID.randomUUID();
        check("GET", missing + "/verify", http.get(missing + "/verify"));

        String deployed = createDeployed();
        check("GET", PROPOSALS + "/" + deployed + "/verify", http.get(PROPOSALS + "/" + deployed + "/verify"));

        String helper = create("""
                {"name": "Contract helper %s", "proposal_type": "helper",
                 "service_call": {"domain": "input_number", "min": 5, "max": 1}}""".formatted(UUID.randomUUID().toString().substring(0, 8)));
        http.post(PROPOSALS + "/" + helper + "/approve", "{}");
        check("POST", PROPOSALS + "/" + helper + "/deploy", http.post(PROPOSALS + "/" + helper + "/deploy", "{}"));

        assertThat(statuses).contains(200, 404, 422);
        assertThat(problems).isEmpty();
    }

    @Test
    void registryWriteAndDashboardResponsesMatchTheDocument() {
        String call = "/api/v1/registry/services/call";
        check(
                "POST",
                call,
                http.post(
                        call,
                        "{\"domain\": \"switch\", \"service\": \"turn_off\","
                                + " \"data\": {\"entity_id\": \"switch.coffee_maker\"}}"));
        check("POST", call, http.post(call, "{\"domain\": \"homeassistant\", \"service\": \"restart\"}"));
        check("POST", call, http.post(call, "{\"domain\": \"light\", \"service\": \"explode\"}"));
        String name = "Contract counter " + UUID.randomUUID().toString().substring(0, 8);
        String helperId = name.toLowerCase().replace(' ', '_');
        check("POST", "/api/v1/registry/helpers", http.post("/api/v1/registry/helpers", """
                {"helper_type": "counter", "input_id": "%s", "name": "%s"}""".formatted(helperId, name)));
        check("POST", "/api/v1/registry/helpers", http.post("/api/v1/registry/helpers", """
                {"helper_type": "input_select", "input_id": "x", "name": "X", "config": {"options": []}}"""));
        String one = "/api/v1/registry/helpers/counter/" + helperId;
        check("DELETE", one, http.delete(one));
        check("DELETE", one, http.delete(one));
        check("GET", "/api/v1/dashboards", http.get("/api/v1/dashboards"));
        check("GET", "/api/v1/dashboards/dashboard-home/config", http.get("/api/v1/dashboards/dashboard-home/config"));
        check("GET", "/api/v1/dashboards/nope-board/config", http.get("/api/v1/dashboards/nope-board/config"));

        assertThat(statuses).contains(200, 403, 404, 422);
        assertThat(problems).isEmpty();
    }

    private Http.Response check(String method, String path, Http.Response response) {
        statuses.add(response.status());
        problems.addAll(contract.problems(method, path, response.status(), response.body()));
        return response;
    }
}

package io.aether.api.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * /workflows: the original's presets, and workflow definitions that are events: create (201,
 * unique names, topology checked), list without archived ones, get, delete as an archive, and
 * every refusal without an event.
 */
class WorkflowEndpointsTest extends IntegrationTest {

    private static String definition(String name) {
        return """
                {"name": "%s", "description": "Checks the heating", "state_type": "analysis",
                 "nodes": [{"id": "collect", "function": "collect_data"}, {"id": "analyse", "function": "analyse"}],
                 "edges": [{"source": "__start__", "target": "collect"}, {"source": "collect", "target": "analyse"},
                           {"source": "analyse", "target": "__end__"}],
                 "conditional_edges": [{"source": "analyse", "targets": {"again": "collect", "done": "__end__"}}],
                 "intent_patterns": ["heating", "radiator"]}""".formatted(name);
    }

    @Test
    void thePresetsAreTheOriginals() {
        Http.Response presets = http.get("/api/v1/workflows/presets");
        assertThat(presets.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        presets.json().get("presets").forEach(p -> ids.add(p.get("id").asText()));
        assertThat(ids)
                .containsExactly(
                        "full-analysis", "energy-only", "quick-diagnostic", "dashboard-design", "conversation");
        assertThat(presets.json().get("total").asInt()).isEqualTo(5);
        JsonNode full = presets.json().get("presets").get(0);
        assertThat(full.get("workflow_key").asText()).isEqualTo("team_analysis");
        assertThat(full.get("agents").toString())
                .contains("energy_analyst", "behavioral_analyst", "diagnostic_analyst");
    }

    @Test
    void aDefinitionIsCreatedListedReadAndArchived() {
        String name = "Heating check " + UUID.randomUUID();
        long before = eventCount();
        Http.Response created = http.post("/api/v1/workflows/definitions", definition(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(eventCount()).isEqualTo(before + 1);
        JsonNode body = created.json();
        String id = body.get("id").asText();
        assertThat(created.header("Location")).endsWith("/api/v1/workflows/definitions/" + id);
        assertThat(body.get("name").asText()).isEqualTo(name);
        assertThat(body.get("status").asText()).isEqualTo("draft");
        assertThat(body.get("version").asInt()).isEqualTo(1);
        assertThat(body.get("state_type").asText()).isEqualTo("analysis");
        assertThat(body.get("config").get("nodes")).hasSize(2);
        assertThat(body.get("config").get("conditional_edges")).hasSize(1);
        assertThat(body.get("intent_patterns").toString()).contains("radiator");
        assertThat(body.get("created_by").asText()).isEqualTo(OWNER);
        assertThat(body.get("created_at").asText()).isNotBlank();

        assertThat(names(http.get("/api/v1/workflows/definitions?limit=500"))).contains(name);
        assertThat(http.get("/api/v1/workflows/definitions/" + id)
                        .json()
                        .get("name")
                        .asText())
                .isEqualTo(name);

        Http.Response duplicate =
                http.post("/api/v1/workflows/definitions", definition(name.toUpperCase(java.util.Locale.ROOT)));
        assertThat(duplicate.status()).as(duplicate.body()).isEqualTo(409);

        Http.Response deleted = http.delete("/api/v1/workflows/definitions/" + id);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.json().get("status").asText()).isEqualTo("archived");
        assertThat(names(http.get("/api/v1/workflows/definitions?limit=500"))).doesNotContain(name);
        assertThat(http.get("/api/v1/workflows/definitions/" + id)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("archived");
        long afterArchive = eventCount();
        assertThat(http.delete("/api/v1/workflows/definitions/" + id).status()).isEqualTo(200);
        assertThat(eventCount()).as("archiving twice records nothing").isEqualTo(afterArchive);

        Http.Response again = http.post("/api/v1/workflows/definitions", definition(name));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().get("id").asText()).isEqualTo(id);
        assertThat(again.json().get("version").asInt())
                .as("a new version of the archived name")
                .isEqualTo(2);
        assertThat(again.json().get("status").asText()).isEqualTo("draft");
    }

    @Test
    void badDefinitionsAreRefusedWithNothingRecorded() {
        String[] bad = {
            // an edge to a node that does not exist
            """
            {"name": "bad-edge", "state_type": "s", "nodes": [{"id": "a"}], "edges": [{"source": "a", "target": "b"}]}""",
            // a cycle of plain edges
            """
            {"name": "cycle", "state_type": "s", "nodes": [{"id": "a"}, {"id": "b"}],
             "edges": [{"source": "a", "target": "b"}, {"source": "b", "target": "a"}]}""",
            // two nodes with one id
            """
            {"name": "twins", "state_type": "s", "nodes": [{"id": "a"}, {"id": "a"}]}""",
            // a node without an id
            """
            {"name": "anonymous", "state_type": "s", "nodes": [{"function": "f"}]}""",
            // a conditional edge from nowhere
            """
            {"name": "cond", "state_type": "s", "nodes": [{"id": "a"}], "conditional_edges": [{"source": "z"}]}""",
            // no nodes
            """
            {"name": "empty", "state_type": "s", "nodes": []}""",
            // no name
            """
            {"state_type": "s", "nodes": [{"id": "a"}]}""",
            // a name too long
            "{\"name\": \"" + "n".repeat(201) + "\", \"state_type\": \"s\", \"nodes\": [{\"id\": \"a\"}]}"
        };
        long before = eventCount();
        for (String body : bad) {
            Http.Response response = http.post("/api/v1/workflows/definitions", body);
            assertThat(response.status()).as(body + " -> " + response.body()).isIn(400, 422);
            assertThat(response.json().get("error")).isNotNull();
        }
        assertThat(http.post("/api/v1/workflows/definitions", "{\"name\": ").status())
                .isEqualTo(400);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void unknownDefinitionsAre404() {
        assertThat(http.get("/api/v1/workflows/definitions/" + UUID.randomUUID())
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/workflows/definitions/not-a-uuid").status())
                .isEqualTo(404);
        long before = eventCount();
        assertThat(http.delete("/api/v1/workflows/definitions/" + UUID.randomUUID())
                        .status())
                .isEqualTo(404);
        assertThat(eventCount()).isEqualTo(before);
        assertThat(http.get("/api/v1/workflows/definitions?limit=0").status()).isIn(400, 422);
    }

    private static List<String> names(Http.Response list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        list.json().get("definitions").forEach(d -> names.add(d.get("name").asText()));
        return names;
    }
}

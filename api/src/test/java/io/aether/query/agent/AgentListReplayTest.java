package io.aether.query.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import io.aether.domain.agent.AgentEvent;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The agent-list projection is replay-safe: writing an agent's events again changes nothing, and
 * writing them into empty tables (a rebuild), in one batch or one by one, gives the same rows.
 */
class AgentListReplayTest extends IntegrationTest {
    private static final String AGENTS = "/api/v1/agents";

    @Autowired
    AgentListProjection projection;

    @Autowired
    EventStore eventStore;

    @Test
    void redeliveredAndReplayedEventsGiveTheSameRows() {
        http.post(AGENTS + "/seed", (String) null);
        String agent = http.post(AGENTS + "/food/clone", (String) null)
                .json()
                .get("name")
                .asText();
        http.post(AGENTS + "/" + agent + "/promote-all", (String) null);
        for (int i = 0; i < 3; i++) {
            String draft = http.post(AGENTS + "/" + agent + "/config/versions", "{\"model_name\": \"r" + i + "\"}")
                    .json()
                    .get("id")
                    .asText();
            http.post(AGENTS + "/" + agent + "/config/versions/" + draft + "/promote", (String) null);
        }
        http.post(AGENTS + "/" + agent + "/config/rollback", (String) null);
        String discarded = http.post(AGENTS + "/" + agent + "/prompt/versions", "{\"prompt_template\": \"gone\"}")
                .json()
                .get("id")
                .asText();
        http.delete(AGENTS + "/" + agent + "/prompt/versions/" + discarded);
        http.post(AGENTS + "/" + agent + "/prompt/versions", "{\"prompt_template\": \"kept draft\"}");
        Http.Response disabled = http.send(
                HttpRequest.newBuilder(http.uri(AGENTS + "/" + agent))
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\": \"disabled\"}"))
                        .header("Content-Type", "application/json"),
                Map.of());
        assertThat(disabled.status()).isEqualTo(200);

        String rows = rows(agent);
        assertThat(rows).contains("disabled", "kept draft", "r1").doesNotContain("gone");
        List<AgentListProjection.Change> changes = changes(agent);

        projection.write(Map.of(agent, changes));
        assertThat(rows(agent)).isEqualTo(rows);

        clear(agent);
        projection.write(Map.of(agent, changes));
        assertThat(rows(agent)).isEqualTo(rows);

        clear(agent);
        changes.forEach(change -> projection.write(Map.of(agent, List.of(change))));
        assertThat(rows(agent)).isEqualTo(rows);
    }

    @Test
    void aRebuildReplaysEveryAgentIntoTheSameRows() {
        http.post(AGENTS + "/seed", (String) null);
        String agent = http.post(AGENTS + "/librarian/clone", (String) null)
                .json()
                .get("name")
                .asText();
        http.post(AGENTS + "/" + agent + "/promote-all", (String) null);
        String all = allRows();

        Http.Response rebuild = http.post("/api/v1/projections/agent-list/rebuild", "");
        assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> StreamSupport.stream(
                                http.get("/api/v1/projections").json().spliterator(), false)
                        .filter(p -> p.get("name").asText().equals(AgentListProjection.PROCESSING_GROUP))
                        .allMatch(p -> !p.get("replaying").asBoolean()
                                && p.get("lag").isNumber()
                                && p.get("lag").asLong() == 0
                                && p.get("segments").asInt()
                                        == p.get("total_segments").asInt()));
        assertThat(allRows()).isEqualTo(all);
    }

    private String allRows() {
        return jdbc.sql("SELECT * FROM agent_list ORDER BY name")
                        .query()
                        .listOfRows()
                        .toString()
                + jdbc.sql("SELECT * FROM agent_version ORDER BY id")
                        .query()
                        .listOfRows()
                        .toString();
    }

    private void clear(String agent) {
        jdbc.sql("DELETE FROM agent_version WHERE agent_name = :name")
                .param("name", agent)
                .update();
        jdbc.sql("DELETE FROM agent_list WHERE name = :name")
                .param("name", agent)
                .update();
    }

    private List<AgentListProjection.Change> changes(String agent) {
        List<AgentListProjection.Change> changes = new ArrayList<>();
        eventStore
                .readEvents(agent, 0L)
                .asStream()
                .forEach(m -> changes.add(new AgentListProjection.Change(
                        (AgentEvent) m.getPayload(), Math.toIntExact(m.getSequenceNumber() + 1), m.getTimestamp())));
        return changes;
    }

    private String rows(String agent) {
        return jdbc.sql("SELECT * FROM agent_list WHERE name = :name")
                        .param("name", agent)
                        .query()
                        .listOfRows()
                        .toString()
                + jdbc.sql("SELECT * FROM agent_version WHERE agent_name = :name ORDER BY kind, version_number")
                        .param("name", agent)
                        .query()
                        .listOfRows()
                        .toString();
    }
}

package io.aether.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import io.aether.domain.agent.AgentEvent;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The agent-analytics projection is replay-safe: an agent's events written again, in one batch or
 * one by one, change neither its counts nor its activations.
 */
class AgentAnalyticsReplayTest extends IntegrationTest {
    private static final String AGENTS = "/api/v1/agents";

    @Autowired
    AgentAnalyticsProjection projection;

    @Autowired
    EventStore eventStore;

    @Test
    void redeliveredEventsChangeAndCountNothingTwice() {
        assertThat(http.post(AGENTS + "/seed", (String) null).status()).isEqualTo(201);
        String agent = http.post(AGENTS + "/research/clone", (String) null)
                .json()
                .get("name")
                .asText();
        http.post(AGENTS + "/" + agent + "/promote-all", (String) null);
        Http.Response draft = http.post(AGENTS + "/" + agent + "/config/versions", "{\"model_name\": \"r\"}");
        http.post(
                AGENTS + "/" + agent + "/config/versions/"
                        + draft.json().get("id").asText() + "/promote",
                (String) null);
        assertThat(http.post(AGENTS + "/" + agent + "/config/rollback", (String) null)
                        .status())
                .isEqualTo(200);
        String rows = rows(agent);
        assertThat(rows).contains("config_promotions=2", "config_rollbacks=1", "cause=rolled_back");

        List<AgentAnalyticsProjection.Change> changes = eventStore
                .readEvents(agent)
                .asStream()
                .map(e -> new AgentAnalyticsProjection.Change(
                        (AgentEvent) e.getPayload(), Math.toIntExact(e.getSequenceNumber() + 1), e.getTimestamp()))
                .toList();

        projection.write(Map.of(agent, changes));
        assertThat(rows(agent)).isEqualTo(rows);

        changes.forEach(change -> projection.write(Map.of(agent, List.of(change))));
        assertThat(rows(agent)).isEqualTo(rows);
    }

    private String rows(String agent) {
        return jdbc.sql("SELECT * FROM agent_analytics WHERE agent_name = :name")
                        .param("name", agent)
                        .query()
                        .listOfRows()
                + " "
                + jdbc.sql("SELECT * FROM agent_analytics_activation WHERE agent_name = :name ORDER BY seq")
                        .param("name", agent)
                        .query()
                        .listOfRows();
    }
}

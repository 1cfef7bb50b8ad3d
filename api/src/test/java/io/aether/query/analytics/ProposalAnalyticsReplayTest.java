package io.aether.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.aether.api.support.IntegrationTest;
import io.aether.domain.proposal.ProposalEvent;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The proposal-analytics projection is replay-safe: a proposal's events written again, in one batch
 * or one by one, change neither its row nor the day counters.
 */
class ProposalAnalyticsReplayTest extends IntegrationTest {

    @Autowired
    ProposalAnalyticsProjection projection;

    @Autowired
    EventStore eventStore;

    @Test
    void redeliveredEventsChangeAndCountNothingTwice() {
        String id = createDeployed();
        assertThat(http.post("/api/v1/proposals/" + id + "/rollback", "{}").status())
                .isEqualTo(200);
        UUID proposal = UUID.fromString(id);
        String row = row(proposal);
        String counters = counters();
        assertThat(row).contains("deployments=1", "rollbacks=1", "version=6");

        List<ProposalAnalyticsProjection.Change> changes = eventStore
                .readEvents(id)
                .asStream()
                .map(e -> new ProposalAnalyticsProjection.Change(
                        (ProposalEvent) e.getPayload(), Math.toIntExact(e.getSequenceNumber() + 1), e.getTimestamp()))
                .toList();
        assertThat(changes).hasSize(6);

        projection.write(Map.of(proposal, changes));
        assertThat(row(proposal)).isEqualTo(row);
        assertThat(counters()).isEqualTo(counters);

        changes.forEach(change -> projection.write(Map.of(proposal, List.of(change))));
        assertThat(row(proposal)).isEqualTo(row);
        assertThat(counters()).isEqualTo(counters);
    }

    private String row(UUID proposal) {
        return jdbc.sql("SELECT * FROM proposal_analytics WHERE proposal_id = :id")
                .param("id", proposal)
                .query()
                .singleRow()
                .toString();
    }

    private String counters() {
        return jdbc.sql("SELECT day, step, n FROM proposal_analytics_daily ORDER BY day, step")
                .query()
                .listOfRows()
                .toString();
    }
}

package io.aether.query.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aether.api.support.IntegrationTest;
import io.aether.domain.proposal.ProposalEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Redelivered events change nothing twice: writing proposals' events again through the projection's
 * batch writer, all in one batch or one by one, leaves their rows and the per-status counts as they were.
 */
class ProposalListReplayTest extends IntegrationTest {
    @Autowired
    ProposalListProjection projection;

    @Autowired
    EventStore eventStore;

    @Test
    void writingAlreadyProjectedEventsAgainChangesNoRowAndNoCount() {
        String deployed = createDeployed();
        String rejected = create(AUTOMATION);
        http.post("/api/v1/proposals/" + rejected + "/reject", "{\"reason\": \"no\"}");
        String deleted = create(AUTOMATION);
        http.delete("/api/v1/proposals/" + deleted);
        List<UUID> ids = List.of(UUID.fromString(deployed), UUID.fromString(rejected), UUID.fromString(deleted));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/api/v1/proposals?limit=500").body().contains(rejected)
                        && version(deployed)
                                == proposal(deployed).get("version").asInt());
        String rows = rows(ids);
        String counts = counts();
        assertThat(rows).contains(deployed, rejected).doesNotContain(deleted);

        Map<UUID, List<ProposalListProjection.Change>> all = new LinkedHashMap<>();
        ids.forEach(id -> all.put(id, changes(id)));
        projection.write(all);
        assertThat(rows(ids)).isEqualTo(rows);
        assertThat(counts()).isEqualTo(counts);

        all.forEach((id, changes) -> changes.forEach(change -> projection.write(Map.of(id, List.of(change)))));
        assertThat(rows(ids)).isEqualTo(rows);
        assertThat(counts()).isEqualTo(counts);
    }

    private int version(String id) {
        return jdbc.sql("SELECT coalesce(max(version), 0) FROM proposal_list WHERE id = :id")
                .param("id", UUID.fromString(id))
                .query(Integer.class)
                .single();
    }

    private List<ProposalListProjection.Change> changes(UUID id) {
        List<ProposalListProjection.Change> changes = new ArrayList<>();
        eventStore
                .readEvents(id.toString(), 0L)
                .asStream()
                .forEach(m -> changes.add(new ProposalListProjection.Change(
                        (ProposalEvent) m.getPayload(), Math.toIntExact(m.getSequenceNumber() + 1), m.getTimestamp())));
        return changes;
    }

    private String rows(List<UUID> ids) {
        return jdbc.sql("SELECT * FROM proposal_list WHERE id IN (:ids) ORDER BY id")
                .param("ids", ids)
                .query()
                .listOfRows()
                .toString();
    }

    private String counts() {
        return jdbc.sql("SELECT * FROM proposal_list_count ORDER BY status")
                .query()
                .listOfRows()
                .toString();
    }
}

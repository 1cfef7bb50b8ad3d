package io.aether.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.platform.consistency.ReadConsistency;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import io.aether.domain.insight.InsightCreated;
import io.aether.domain.proposal.ProposalApproved;
import io.aether.domain.proposal.ProposalCreated;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A command's answer means its change shows in every list on the very next call: the answer
 * waits until the read models have processed the events (X-Consistency-Token carries their
 * position), and a read may send that token back to wait for it.
 */
class ReadYourWritesTest extends IntegrationTest {
    private static final String TOKEN = "X-Consistency-Token";
    private static final String TIMED_OUT = "X-Consistency-Timeout";

    @Autowired
    ReadConsistency consistency;

    @Test
    void aCommandWaitsOnlyForTheReadModelsThatHandleItsEvents() {
        List<String> proposal = consistency.readModelsHandling(Set.of(ProposalCreated.class, ProposalApproved.class));
        assertThat(proposal)
                .contains("proposal-list", "event-log", "proposal-analytics")
                .doesNotContain("insight-list", "tool-group-list", "insight-schedule-list");

        assertThat(consistency.readModelsHandling(Set.of(InsightCreated.class)))
                .contains("insight-list", "event-log")
                .doesNotContain("proposal-list", "tool-group-list");
        // The audit log records every event, whatever its type; no other read model takes a String.
        assertThat(consistency.readModelsHandling(Set.of(String.class))).containsExactly("event-log");
    }

    @Test
    void createThenInsightListSeesTheInsightOnTheNextCall100TimesInARow() {
        for (int i = 0; i < 100; i++) {
            Http.Response created = http.post(
                    "/api/v1/insights",
                    Map.of(
                            "type",
                            "anomaly",
                            "title",
                            "Read your writes " + i,
                            "description",
                            "created then listed",
                            "evidence",
                            Map.of("round", i),
                            "confidence",
                            0.5,
                            "impact",
                            "low"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = created.json().get("id").asText();

            assertThat(ids(http.get("/api/v1/insights?limit=5")))
                    .as("round %d", i)
                    .contains(id);
        }
    }

    @Test
    void createThenListSeesTheProposalOnTheNextCall100TimesInARow() {
        for (int i = 0; i < 100; i++) {
            Http.Response created = http.post("/api/v1/proposals", AUTOMATION);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.header(TOKEN)).as("position of the write").matches("\\d+");
            assertThat(created.header(TIMED_OUT)).isNull();
            String id = created.json().get("id").asText();

            assertThat(ids(http.get("/api/v1/proposals?limit=5")))
                    .as("round %d", i)
                    .contains(id);
        }
    }

    @Test
    void createThenPendingListSeesTheProposal100TimesInARow() {
        for (int i = 0; i < 100; i++) {
            String id = create(AUTOMATION);
            assertThat(ids(http.get("/api/v1/proposals/pending?limit=5")))
                    .as("round %d", i)
                    .contains(id);
        }
    }

    @Test
    void everyStatusChangeShowsInTheStatusFilteredListsOnTheNextCall() {
        for (int i = 0; i < 20; i++) {
            String id = create(AUTOMATION);
            assertThat(http.post("/api/v1/proposals/" + id + "/approve", "{}").status())
                    .isEqualTo(200);
            assertThat(ids(http.get("/api/v1/proposals?status=approved&limit=5")))
                    .as("round %d", i)
                    .contains(id);
            assertThat(ids(http.get("/api/v1/proposals/pending?limit=500"))).doesNotContain(id);

            Http.Response deploy = http.post("/api/v1/proposals/" + id + "/deploy", "{}");
            assertThat(deploy.status()).as(deploy.body()).isEqualTo(200);
            // The outcome was stored by the process manager, not by the request: it shows too.
            assertThat(ids(http.get("/api/v1/proposals?status=deployed&limit=5")))
                    .as("round %d", i)
                    .contains(id);

            Http.Response rollback = http.post("/api/v1/proposals/" + id + "/rollback", "{}");
            assertThat(rollback.status()).as(rollback.body()).isEqualTo(200);
            assertThat(ids(http.get("/api/v1/proposals?status=rolled_back&limit=5")))
                    .as("round %d", i)
                    .contains(id);
        }
    }

    @Test
    void aDeletedProposalIsGoneFromTheListOnTheNextCall() {
        List<String> deleted = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = create(AUTOMATION);
            assertThat(http.delete("/api/v1/proposals/" + id).status()).isEqualTo(204);
            deleted.add(id);
            assertThat(ids(http.get("/api/v1/proposals?limit=500")))
                    .as("round %d", i)
                    .doesNotContain(id);
        }
        assertThat(deleted).hasSize(20);
    }

    @Test
    void aReadWithTheTokenOfAnEarlierAnswerAnswersAtOnce() {
        Http.Response created = http.post("/api/v1/proposals", AUTOMATION);
        String token = created.header(TOKEN);

        Http.Response list = http.send(
                java.net.http.HttpRequest.newBuilder(http.uri("/api/v1/proposals?limit=5"))
                        .GET(),
                Map.of(TOKEN, token));

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header(TIMED_OUT)).isNull();
        assertThat(ids(list)).contains(created.json().get("id").asText());
    }

    @Test
    void aTokenNoReadModelReachesAnswersWithTheTimeoutHeader() {
        Http.Response list = http.send(
                java.net.http.HttpRequest.newBuilder(http.uri("/api/v1/proposals?limit=1"))
                        .GET(),
                Map.of(TOKEN, Long.toString(Long.MAX_VALUE / 2)));

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header(TIMED_OUT)).isEqualTo("true");
    }

    @Test
    void aMalformedTokenIs400InTheEnvelope() {
        for (String bad : List.of("abc", "-1", "1.5", "99999999999999999999")) {
            long events = eventCount();
            Http.Response response = http.send(
                    java.net.http.HttpRequest.newBuilder(http.uri("/api/v1/proposals"))
                            .GET(),
                    Map.of(TOKEN, bad));
            assertThat(response.status()).as(bad).isEqualTo(400);
            JsonNode error = response.json().get("error");
            assertThat(error.get("type").asText()).isEqualTo("bad_request");
            assertThat(error.get("correlation_id").asText()).isNotBlank();
            assertThat(eventCount()).isEqualTo(events);
        }
    }

    private static List<String> ids(Http.Response list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.json().get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}

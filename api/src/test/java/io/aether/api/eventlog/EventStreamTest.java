package io.aether.api.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import io.aether.api.support.Sse;
import io.aether.api.support.Sse.Event;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /api/v1/events/stream, read as a browser's EventSource would ({@link Sse}). */
class EventStreamTest extends IntegrationTest {
    /**
     * A client that saw the proposal's first event resumes with Last-Event-ID: it gets the second
     * from the store, then the third live, each once; resuming again after the second gives the
     * third only. Between events the stream sends heartbeats (1 s in the tests).
     */
    @Test
    void resumesExactlyAfterTheLastSeenPositionThenGoesLive() throws Exception {
        String id = createApproved();
        List<Long> stored = positions(id);
        assertThat(stored).hasSize(2);

        try (Sse stream = Sse.open(http, "/api/v1/events/stream?aggregate_id=" + id, stored.get(0))) {
            Event replayed = stream.nextEvent();
            assertThat(replayed.id()).isEqualTo(stored.get(1));
            assertThat(replayed.data().get("event_type").asText()).isEqualTo("ProposalApproved");
            assertThat(replayed.data().get("aggregate_id").asText()).isEqualTo(id);

            assertThat(stream.nextComment()).isEqualTo(": heartbeat");
            Http.Response rejected =
                    http.post("/api/v1/proposals/" + id + "/reject", "{\"reason\": \"no\"}", ifMatch(2));
            assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
            Event live = stream.nextEvent();
            assertThat(live.data().get("event_type").asText()).isEqualTo("ProposalRejected");
            assertThat(live.id()).isEqualTo(positions(id).get(2));
        }

        List<Long> all = positions(id);
        createApproved(); // other aggregates' events are filtered out
        try (Sse again = Sse.open(http, "/api/v1/events/stream?aggregate_id=" + id, all.get(1))) {
            assertThat(again.nextEvent().id()).isEqualTo(all.get(2));
            assertThat(again.nextComment()).isEqualTo(": heartbeat");
            assertThat(again.eventsSoFar()).isEmpty();
        }
    }

    @Test
    void withoutLastEventIdOnlyNewEventsArriveAndFiltersApply() throws Exception {
        try (Sse stream = Sse.open(http, "/api/v1/events/stream?event_type=ProposalApproved", null)) {
            assertThat(stream.nextComment()).isEqualTo(": stream open");
            String id = createApproved();
            Event approved = stream.nextEvent();
            assertThat(approved.data().get("aggregate_id").asText()).isEqualTo(id);
            assertThat(approved.data().get("event_type").asText()).isEqualTo("ProposalApproved");
            assertThat(approved.data().get("actor").get("type").asText()).isEqualTo("user");
        }
    }

    @Test
    void aMalformedLastEventIdIs400() {
        Http.Response response = http.send(
                HttpRequest.newBuilder(http.uri("/api/v1/events/stream")).GET(), Map.of("Last-Event-ID", "x"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").get("type").asText()).isNotBlank();
    }

    private List<Long> positions(String aggregateId) {
        List<Long> positions = new ArrayList<>();
        http.get("/api/v1/events?order=oldest&aggregate_id=" + aggregateId)
                .json()
                .get("items")
                .forEach(e -> positions.add(e.get("position").asLong()));
        return positions;
    }
}

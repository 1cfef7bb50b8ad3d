package io.aether.api.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** GET /api/v1/events/stream, read with java.net.http as a browser's EventSource would. */
class EventStreamTest extends IntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    record Event(long id, String type, JsonNode data) {}

    /** An open stream: a reader thread splits it into events and comment lines. */
    static final class Sse implements AutoCloseable {
        private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        private final Stream<String> lines;
        private final Thread reader;

        private Sse(Stream<String> lines) {
            this.lines = lines;
            this.reader = new Thread(this::read, "sse-test-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static Sse open(Http http, String path, Long lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(path))
                    .header("Authorization", "Bearer " + http.defaultToken())
                    .header("Accept", "text/event-stream")
                    .GET();
            if (lastEventId != null) {
                request.header("Last-Event-ID", Long.toString(lastEventId));
            }
            HttpResponse<Stream<String>> response =
                    HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            return new Sse(response.body());
        }

        private void read() {
            Long id = null;
            String type = null;
            try {
                for (String line : (Iterable<String>) lines::iterator) {
                    if (line.startsWith(":")) {
                        received.add(line);
                    } else if (line.startsWith("id: ")) {
                        id = Long.parseLong(line.substring(4));
                    } else if (line.startsWith("event: ")) {
                        type = line.substring(7);
                    } else if (line.startsWith("data: ")) {
                        received.add(new Event(id == null ? -1 : id, type, JSON.readTree(line.substring(6))));
                        id = null;
                        type = null;
                    }
                }
            } catch (IOException | RuntimeException e) {
                received.add(e.toString());
            }
        }

        Event nextEvent() throws InterruptedException {
            while (true) {
                Object next = received.poll(30, TimeUnit.SECONDS);
                assertThat(next).as("an event within 30 s").isNotNull();
                if (next instanceof Event event) {
                    return event;
                }
            }
        }

        /** The next comment line; events before it fail the test. */
        String nextComment() throws InterruptedException {
            Object next = received.poll(30, TimeUnit.SECONDS);
            assertThat(next).as("a comment line within 30 s").isInstanceOf(String.class);
            return (String) next;
        }

        List<Event> eventsSoFar() {
            List<Event> events = new ArrayList<>();
            received.forEach(o -> {
                if (o instanceof Event e) {
                    events.add(e);
                }
            });
            return events;
        }

        @Override
        public void close() {
            lines.close();
            reader.interrupt();
        }
    }
}

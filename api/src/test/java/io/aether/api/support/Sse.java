package io.aether.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An open Server-Sent Events stream, read with java.net.http as a browser's EventSource would: a
 * reader thread splits it into events and comment lines.
 */
public final class Sse implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One message: its id (-1 when it has none), its event type (null for a plain message) and its data. */
    public record Event(long id, String type, JsonNode data) {}

    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private final Stream<String> lines;
    private final Thread reader;

    private Sse(Stream<String> lines) {
        this.lines = lines;
        this.reader = new Thread(this::read, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public static Sse open(Http http, String path, Long lastEventId) throws Exception {
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

    /**
     * A stream answered to a POST (the chat completions endpoint): {@code data: [DONE]} arrives as
     * an event whose data is the text node {@code "[DONE]"}.
     */
    public static Sse post(Http http, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(http.uri(path))
                .header("Authorization", "Bearer " + http.defaultToken())
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<Stream<String>> response =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
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
                } else if (line.equals("data: [DONE]")) {
                    received.add(new Event(-1, null, JSON.getNodeFactory().textNode("[DONE]")));
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

    public Event nextEvent() throws InterruptedException {
        while (true) {
            Object next = received.poll(30, TimeUnit.SECONDS);
            assertThat(next).as("an event within 30 s").isNotNull();
            if (next instanceof Event event) {
                return event;
            }
        }
    }

    /** The next comment line; events before it fail the test. */
    public String nextComment() throws InterruptedException {
        Object next = received.poll(30, TimeUnit.SECONDS);
        assertThat(next).as("a comment line within 30 s").isInstanceOf(String.class);
        return (String) next;
    }

    public List<Event> eventsSoFar() {
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

package io.aether.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Audit-log figures on the server's whole store (issue 9): the NDJSON and CSV exports and the SSE
 * stream replayed from position 0, each as events/s at the client, with the server's heap in use
 * (the sum of {@code jvm_memory_used_bytes{area="heap"}} from /api/v1/metrics/prometheus, sampled
 * every 100 ms) before and at its peak during the download.
 */
final class AuditLogMeasurement {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String authorization;

    private AuditLogMeasurement(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    /** The report's table (markdown). */
    static String measure(String baseUrl, String authorization) throws IOException, InterruptedException {
        AuditLogMeasurement m = new AuditLogMeasurement(baseUrl, authorization);
        StringBuilder table = new StringBuilder(
                "\n| (e) audit log, whole store | events | seconds | events/s | server heap before / peak |\n"
                        + "| --- | ---: | ---: | ---: | ---: |\n");
        table.append(m.row("GET /events/export?format=ndjson", () -> m.lines("/api/v1/events/export?format=ndjson")));
        table.append(m.row("GET /events/export?format=csv", () -> m.lines("/api/v1/events/export?format=csv") - 1));
        long head = m.head();
        table.append(m.row("GET /events/stream, Last-Event-ID 0 to the head", () -> m.streamUntil(head)));
        return table.toString();
    }

    @FunctionalInterface
    private interface Download {
        long run() throws IOException, InterruptedException;
    }

    private String row(String what, Download download) throws IOException, InterruptedException {
        long before = heapUsed();
        AtomicLong peak = new AtomicLong(before);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                try {
                    peak.accumulateAndGet(heapUsed(), Math::max);
                    Thread.sleep(100);
                } catch (IOException e) {
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        long events;
        try {
            events = download.run();
        } finally {
            running.set(false);
            sampler.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        BenchmarkMain.log(
                "%s: %d events in %.2f s = %.0f events/s, heap %s -> %s",
                what, events, seconds, events / seconds, mib(before), mib(peak.get()));
        return String.format(
                Locale.ROOT,
                "| %s | %d | %.2f | %.0f | %s / %s |%n",
                what,
                events,
                seconds,
                events / seconds,
                mib(before),
                mib(peak.get()));
    }

    private long lines(String path) throws IOException, InterruptedException {
        HttpResponse<InputStream> response =
                http.send(request(path).build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new BenchFailure("GET " + path + " answered " + response.statusCode());
        }
        long lines = 0;
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            while (reader.readLine() != null) {
                lines++;
            }
        }
        return lines;
    }

    /** Reads the stream from the start until the event at {@code head}; answers the events received. */
    private long streamUntil(long head) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(
                request("/api/v1/events/stream").header("Last-Event-ID", "0").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new BenchFailure("GET /api/v1/events/stream answered " + response.statusCode());
        }
        long events = 0;
        try (InputStream body = response.body();
                BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("data: ")) {
                    events++;
                } else if (line.startsWith("id: ") && Long.parseLong(line.substring(4)) >= head) {
                    reader.readLine(); // event:
                    reader.readLine(); // data:
                    return events + 1;
                }
            }
        }
        throw new BenchFailure("the stream ended after " + events + " events, before position " + head);
    }

    private long head() throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(request("/api/v1/events?limit=1").build(), HttpResponse.BodyHandlers.ofString());
        JsonNode items = MAPPER.readTree(response.body()).path("items");
        if (items.isEmpty()) {
            throw new BenchFailure("GET /api/v1/events listed nothing");
        }
        return items.get(0).path("position").asLong();
    }

    private long heapUsed() throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(request("/api/v1/metrics/prometheus").build(), HttpResponse.BodyHandlers.ofString());
        long used = 0;
        for (String line : response.body().split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                used += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return used;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", authorization)
                .timeout(TIMEOUT)
                .GET();
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
    }
}

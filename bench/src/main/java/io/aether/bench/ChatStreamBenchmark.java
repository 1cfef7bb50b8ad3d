package io.aether.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.simulator.HomeAssistantSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Chat streaming (issue 12): time to first token and the server's overhead per chunk of
 * {@code POST /chat/completions} with {@code stream: true}, for 1 and 8 concurrent chats, on the
 * offline engine (provider {@code none}: the local deterministic model, so the figures are the
 * server's own cost: routing, storing the message and the turn, the SSE writes). Each turn is a
 * new conversation asking "what can you do?" (a long answer: many chunks).
 */
final class ChatStreamBenchmark {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int WARMUP_TURNS = 30;
    private static final String BODY = "{\"stream\":true,\"model\":\"architect\",\"conversation_id\":\"%s\","
            + "\"messages\":[{\"role\":\"user\",\"content\":\"what can you do?\"}]}";

    private final String base;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** One streamed turn, client-timed: send to first content chunk, first to last chunk, chunks. */
    record Turn(double firstTokenMs, double chunksMs, int chunks, double totalMs) {}

    private ChatStreamBenchmark(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(System.getProperty("bench.serverJar", "api/target/aether.jar"));
        Path work = Files.createTempDirectory("aether-bench-chat-");
        String token = "bench-" + UUID.randomUUID();
        try (BenchDatabase db = BenchDatabase.open(
                System.getenv("AETHER_DB_URL"),
                System.getenv("AETHER_DB_USER"),
                System.getenv("AETHER_DB_PASSWORD"),
                "aether_bench_chat",
                false)) {
            HomeAssistantSimulator ha = HomeAssistantSimulator.start(0, token);
            try (AetherServer server = AetherServer.spawn(
                    jar, "-Xmx256m", List.of("-XX:+UseSerialGC"), db, AetherServer.HaAddress.of(ha), token, work)) {
                server.awaitReady(Duration.ofSeconds(180));
                ChatStreamBenchmark bench = new ChatStreamBenchmark(server.baseUrl(), server.authorization());
                Duration each = Duration.ofSeconds(Integer.getInteger("bench.seconds", 10));
                for (int i = 0; i < WARMUP_TURNS; i++) {
                    bench.turn();
                }
                StringBuilder report = new StringBuilder(
                        "| chat stream (offline engine) | turns | turns/s | first token p50 | p99 | per chunk p50 | p99 |"
                                + " chunks/turn | whole turn p50 | p99 |\n"
                                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
                long spansBefore = Long.parseLong(db.text("SELECT count(*) FROM trace_span"));
                long started = System.nanoTime();
                for (int clients : new int[] {1, 8}) {
                    bench.run(clients, each, report);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                // Spans leave in batches every 2 s: wait for the last batch before counting.
                Thread.sleep(3_000);
                long spans = Long.parseLong(db.text("SELECT count(*) FROM trace_span")) - spansBefore;
                report.append(String.format(
                        Locale.ROOT,
                        "%nTracing %s: %d spans stored during the runs (%.0f spans/s over %.1f s of turns).%n",
                        System.getProperty("bench.serverEnv", "").contains("AETHER_TRACES_ENABLED=false")
                                ? "off"
                                : "on",
                        spans,
                        spans / seconds,
                        seconds));
                System.out.println(report);
            } finally {
                ha.stop();
            }
        }
        System.exit(0);
    }

    private void run(int clients, Duration duration, StringBuilder report) throws Exception {
        List<Turn> turns = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        turns.add(turn());
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Double> first = new ArrayList<>();
        List<Double> perChunk = new ArrayList<>();
        List<Double> whole = new ArrayList<>();
        long chunks = 0;
        for (Turn t : turns) {
            first.add(t.firstTokenMs());
            whole.add(t.totalMs());
            if (t.chunks() > 1) {
                perChunk.add(t.chunksMs() / (t.chunks() - 1));
            }
            chunks += t.chunks();
        }
        report.append(String.format(
                Locale.ROOT,
                "| %d concurrent | %d | %.1f | %.1f ms | %.1f ms | %.3f ms | %.3f ms | %.0f | %.1f ms | %.1f ms |%n",
                clients,
                turns.size(),
                turns.size() / seconds,
                rank(first, 50),
                rank(first, 99),
                rank(perChunk, 50),
                rank(perChunk, 99),
                turns.isEmpty() ? 0.0 : (double) chunks / turns.size(),
                rank(whole, 50),
                rank(whole, 99)));
    }

    private Turn turn() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/chat/completions"))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(String.format(BODY, UUID.randomUUID())))
                .build();
        long sent = System.nanoTime();
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new BenchFailure("chat stream answered " + response.statusCode());
        }
        long firstChunk = 0;
        long lastChunk = 0;
        int chunks = 0;
        try (Stream<String> lines = response.body()) {
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (!line.startsWith("data: ")) {
                    continue;
                }
                String data = line.substring(6);
                if (data.equals("[DONE]")) {
                    break;
                }
                JsonNode event = MAPPER.readTree(data);
                JsonNode delta = event.path("choices").path(0).path("delta");
                if (delta.path("content").asText().isEmpty()) {
                    continue;
                }
                long now = System.nanoTime();
                if (chunks == 0) {
                    firstChunk = now;
                }
                lastChunk = now;
                chunks++;
            }
        }
        long done = System.nanoTime();
        if (chunks == 0) {
            throw new BenchFailure("chat stream sent no content");
        }
        return new Turn((firstChunk - sent) / 1e6, (lastChunk - firstChunk) / 1e6, chunks, (done - sent) / 1e6);
    }

    private static double rank(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}

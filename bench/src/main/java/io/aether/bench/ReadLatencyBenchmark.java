package io.aether.bench;

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
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Read-your-writes and Home Assistant round trips (issue 7 §2):
 * <ul>
 *   <li>projection lag: how long a command answer waited after its commit until every read model
 *   had processed its events, as the server reports it ({@code Server-Timing: read-models;dur=}),
 *   for creates one at a time with pauses (idle processors) and for creates + approvals from 8
 *   clients at once (under load);</li>
 *   <li>rollback latency: POST rollback of a deployed automation against the simulator, client
 *   side, from send to answer (the answer includes the Home Assistant call and the read models).</li>
 * </ul>
 */
final class ReadLatencyBenchmark {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern READ_MODELS = Pattern.compile("read-models;dur=([0-9.]+)");
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(60);
    private static final int IDLE_SAMPLES = 100;
    private static final long IDLE_PAUSE_MILLIS = 50;
    private static final int LOAD_CLIENTS = 8;
    private static final int ROLLBACKS = 30;
    private static final String AUTOMATION = "{\"name\":\"Latency %s\","
            + "\"trigger\":[{\"trigger\":\"state\",\"entity_id\":[\"binary_sensor.hall_motion\"],\"to\":[\"on\"]}],"
            + "\"actions\":[{\"action\":\"light.turn_on\",\"target\":{\"entity_id\":\"light.hall\"}}]}";

    private final String base;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    record Result(Percentiles idle, Percentiles load, int loadTimeouts, Percentiles rollback, Percentiles deploy) {
        void appendTo(StringBuilder report) {
            report.append(
                    "\n| read your writes (issue 7 §2) | samples | p50 | p99 | max |\n| --- | ---: | ---: | ---: | ---: |\n");
            idle.row(report, "projection lag, idle: command commit to all read models (server-timed)");
            load.row(report, "projection lag, " + LOAD_CLIENTS + " clients creating + approving");
            deploy.row(report, "deploy latency against the simulator (client-timed)");
            rollback.row(report, "rollback latency against the simulator (client-timed)");
            report.append(String.format(
                    Locale.ROOT, "%nUnder load, %d answer(s) said X-Consistency-Timeout.%n", loadTimeouts));
        }
    }

    record Percentiles(int samples, double p50, double p99, double max) {
        static Percentiles of(List<Double> values) {
            List<Double> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN);
            }
            return new Percentiles(sorted.size(), rank(sorted, 50), rank(sorted, 99), sorted.get(sorted.size() - 1));
        }

        private static double rank(List<Double> sorted, int p) {
            int rank = (int) Math.ceil(p / 100.0 * sorted.size());
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
        }

        void row(StringBuilder report, String what) {
            report.append(String.format(
                    Locale.ROOT, "| %s | %d | %.1f ms | %.1f ms | %.1f ms |%n", what, samples, p50, p99, max));
        }
    }

    /**
     * This measurement alone (a smoke run): {@code java -cp bench/target/aether-bench.jar
     * io.aether.bench.ReadLatencyBenchmark}; bench.seconds (5) bounds the loaded part.
     */
    public static void main(String[] args) throws Exception {
        Path jar = Path.of(System.getProperty("bench.serverJar", "api/target/aether.jar"));
        Path work = Files.createTempDirectory("aether-bench-latency-");
        String token = "bench-" + UUID.randomUUID();
        try (BenchDatabase db = BenchDatabase.open(
                System.getenv("AETHER_DB_URL"),
                System.getenv("AETHER_DB_USER"),
                System.getenv("AETHER_DB_PASSWORD"),
                "aether_bench_latency",
                false)) {
            HomeAssistantSimulator ha = HomeAssistantSimulator.start(0, token);
            try (AetherServer server = AetherServer.spawn(
                    jar, "-Xmx256m", List.of("-XX:+UseSerialGC"), db, AetherServer.HaAddress.of(ha), token, work)) {
                server.awaitReady(Duration.ofSeconds(180));
                StringBuilder report = new StringBuilder();
                measure(
                                server.baseUrl(),
                                server.authorization(),
                                Duration.ofSeconds(Integer.getInteger("bench.seconds", 5)))
                        .appendTo(report);
                System.out.println(report);
            } finally {
                ha.stop();
            }
        }
        System.exit(0);
    }

    private ReadLatencyBenchmark(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** Runs all three measurements; {@code loadDuration} bounds the loaded part. */
    static Result measure(String base, String authorization, Duration loadDuration) throws Exception {
        ReadLatencyBenchmark bench = new ReadLatencyBenchmark(base, authorization);
        Percentiles idle = Percentiles.of(bench.idleLag());
        List<Double> load = Collections.synchronizedList(new ArrayList<>());
        int timeouts = bench.loadedLag(loadDuration, load);
        List<Double> deploys = new ArrayList<>();
        List<Double> rollbacks = bench.rollbacks(deploys);
        return new Result(idle, Percentiles.of(load), timeouts, Percentiles.of(rollbacks), Percentiles.of(deploys));
    }

    private List<Double> idleLag() throws Exception {
        List<Double> lags = new ArrayList<>();
        for (int i = 0; i < IDLE_SAMPLES; i++) {
            Thread.sleep(IDLE_PAUSE_MILLIS);
            lags.add(readModelWait(create("idle-" + i)));
        }
        return lags;
    }

    private int loadedLag(Duration duration, List<Double> lags) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(LOAD_CLIENTS);
        try {
            List<Future<Integer>> clients = new ArrayList<>();
            for (int c = 0; c < LOAD_CLIENTS; c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    int timeouts = 0;
                    for (long n = 0; System.nanoTime() < end; n++) {
                        HttpResponse<String> created = create("load-" + client + "-" + n);
                        HttpResponse<String> approved =
                                post("/api/v1/proposals/" + id(created) + "/approve", "{}", 200);
                        for (HttpResponse<String> r : List.of(created, approved)) {
                            lags.add(readModelWait(r));
                            timeouts += r.headers()
                                            .firstValue("X-Consistency-Timeout")
                                            .isPresent()
                                    ? 1
                                    : 0;
                        }
                    }
                    return timeouts;
                }));
            }
            int timeouts = 0;
            for (Future<Integer> client : clients) {
                timeouts += client.get();
            }
            return timeouts;
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Double> rollbacks(List<Double> deploys) throws Exception {
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < ROLLBACKS; i++) {
            String id = id(create("rollback-" + i));
            post("/api/v1/proposals/" + id + "/approve", "{}", 200);
            long t0 = System.nanoTime();
            HttpResponse<String> deployed = post("/api/v1/proposals/" + id + "/deploy", "{}", 200);
            deploys.add((System.nanoTime() - t0) / 1e6);
            requireSuccess(deployed, "deploy");
            long t1 = System.nanoTime();
            HttpResponse<String> rolledBack = post("/api/v1/proposals/" + id + "/rollback", "{}", 200);
            latencies.add((System.nanoTime() - t1) / 1e6);
            requireSuccess(rolledBack, "rollback");
        }
        return latencies;
    }

    private HttpResponse<String> create(String name) throws IOException, InterruptedException {
        return post("/api/v1/proposals", String.format(AUTOMATION, name), 201);
    }

    private HttpResponse<String> post(String path, String json, int expected) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(HTTP_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new BenchFailure("POST " + path + " answered " + response.statusCode() + " (expected " + expected
                    + "): " + response.body());
        }
        return response;
    }

    private static String id(HttpResponse<String> created) throws IOException {
        return MAPPER.readTree(created.body()).path("id").asText();
    }

    private static void requireSuccess(HttpResponse<String> response, String what) throws IOException {
        if (!MAPPER.readTree(response.body()).path("success").asBoolean()) {
            throw new BenchFailure(what + " did not succeed against the simulator: " + response.body());
        }
    }

    /** The server's own figure: milliseconds the answer waited for the read models (the longest, if several). */
    private static double readModelWait(HttpResponse<String> response) {
        double longest = -1;
        for (String value : response.headers().allValues("Server-Timing")) {
            Matcher m = READ_MODELS.matcher(value);
            while (m.find()) {
                longest = Math.max(longest, Double.parseDouble(m.group(1)));
            }
        }
        if (longest < 0) {
            throw new BenchFailure("a command answer carried no Server-Timing read-models entry");
        }
        return longest;
    }
}

package io.aether.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.simulator.HomeAssistantSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A large home (issues 10 and 11): the simulator gets synthetic temperature sensors with
 * {@code DemoHistory.DAYS} days of history each (one row per 10 minutes), and the real server is
 * timed on
 * <ul>
 *   <li>an anomaly analysis of 28 days (672 h, the longest {@code POST /insights/analyze} takes, as the
 *   original's contract) over {@code bench.home.analysisSensors} (200)
 *   sensors: wall time from the 202 to the completed job, and the server's peak VmRSS meanwhile;</li>
 *   <li>a full entity sync at {@code bench.home.syncEntities} (5,000) sensors;</li>
 *   <li>entity list reads at {@code bench.home.listEntities} (10,000) sensors.</li>
 * </ul>
 * Run: {@code java -Dloader.main=io.aether.bench.HomeScaleBenchmark -cp bench/target/aether-bench.jar
 * org.springframework.boot.loader.launch.PropertiesLauncher}.
 */
final class HomeScaleBenchmark {
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(15);

    private HomeScaleBenchmark() {}

    public static void main(String[] args) throws Exception {
        int analysisSensors = Integer.getInteger("bench.home.analysisSensors", 200);
        int syncEntities = Integer.getInteger("bench.home.syncEntities", 5_000);
        int listEntities = Integer.getInteger("bench.home.listEntities", 10_000);
        int requests = Integer.getInteger("bench.home.requests", 100);
        String heap = System.getProperty("bench.serverHeap", "-Xmx256m");
        Path jar = Path.of(System.getProperty("bench.serverJar", "api/target/aether.jar"));
        Path work = Files.createTempDirectory("aether-bench-home-");
        String token = "bench-" + UUID.randomUUID();
        StringBuilder report = new StringBuilder();
        try (BenchDatabase db = BenchDatabase.open(
                System.getenv("AETHER_DB_URL"),
                System.getenv("AETHER_DB_USER"),
                System.getenv("AETHER_DB_PASSWORD"),
                "aether_bench_home",
                false)) {
            HomeAssistantSimulator ha = HomeAssistantSimulator.start(0, token);
            try (AetherServer server = AetherServer.spawn(
                            jar, heap, List.of("-XX:+UseSerialGC"), db, AetherServer.HaAddress.of(ha), token, work);
                    RssSampler rss = new RssSampler(server)) {
                server.awaitReady(Duration.ofSeconds(180));
                BenchHttp http = new BenchHttp(server);
                report.append("| large home (issues 10, 11) | figure |\n| --- | ---: |\n");
                row(
                        report,
                        "Machine",
                        Machine.cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " processors, "
                                + Machine.totalMemory());
                row(report, "Server", "java " + heap + " -XX:+UseSerialGC -jar " + jar.getFileName());

                ha.addSyntheticSensors(analysisSensors);
                rss.phase("analysis");
                int historyBefore = ha.requestCount("GET", "/api/history/period");
                long t = System.nanoTime();
                JsonNode started =
                        http.post("/api/v1/insights/analyze", "{\"analysis_type\": \"anomaly\", \"hours\": 672}", 202);
                JsonNode job = awaitJob(http, started.path("job_id").asText());
                double analysisSeconds = (System.nanoTime() - t) / 1e9;
                rss.phase("after-analysis");
                row(
                        report,
                        "anomaly analysis, 672 h of " + analysisSensors + " synthetic sensors (+ the demo's)",
                        String.format(
                                Locale.ROOT,
                                "%.1f s, %s, %d insights",
                                analysisSeconds,
                                job.path("status").asText(),
                                job.path("insight_ids").size()));
                if (!"completed".equals(job.path("status").asText())) {
                    row(report, "analysis error", job.path("error").asText(""));
                }
                row(
                        report,
                        "history requests the analysis made (a few sensors each)",
                        Integer.toString(ha.requestCount("GET", "/api/history/period") - historyBefore));
                row(report, "server VmRSS peak during the analysis", mib(rss.peakKb("analysis")));

                ha.addSyntheticSensors(syncEntities);
                t = System.nanoTime();
                JsonNode synced = http.post("/api/v1/entities/sync", "{\"force\": true}", 200);
                row(
                        report,
                        "POST /entities/sync at " + syncEntities + " sensors",
                        String.format(Locale.ROOT, "%.2f s (%s)", (System.nanoTime() - t) / 1e9, synced));

                ha.addSyntheticSensors(listEntities);
                http.post("/api/v1/entities/sync", "{\"force\": true}", 200);
                for (String path : List.of(
                        "/api/v1/entities?limit=100",
                        "/api/v1/entities?domain=sensor&limit=1000",
                        "/api/v1/entities?domain=sensor&limit=100&offset=9000",
                        "/api/v1/entities/sensor.synthetic_09999",
                        "/api/v1/entities/domains/summary")) {
                    Latencies latencies = Latencies.measure(10, requests, i -> http.get(path));
                    row(
                            report,
                            "GET " + path.substring(7) + " at " + listEntities + " sensors, p50 / p99",
                            latencies.p50p99());
                }
                row(report, "server VmRSS peak overall", mib(rss.overallPeakKb()));
            } finally {
                ha.stop();
            }
        }
        System.out.println("\nRESULTS\n" + report);
        System.exit(0);
    }

    private static JsonNode awaitJob(BenchHttp http, String jobId) throws Exception {
        long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = http.get("/api/v1/insights/analyze/" + jobId);
            if (!"running".equals(job.path("status").asText())
                    && !"pending".equals(job.path("status").asText())) {
                return job;
            }
            Thread.sleep(200);
        }
        throw new BenchFailure("analysis job " + jobId + " did not finish within " + JOB_TIMEOUT);
    }

    private static void row(StringBuilder report, String what, String value) {
        report.append("| ").append(what).append(" | ").append(value).append(" |\n");
    }

    private static String mib(long kb) {
        return kb < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f MiB", kb / 1024.0);
    }
}

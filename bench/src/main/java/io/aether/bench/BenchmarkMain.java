package io.aether.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.simulator.HomeAssistantSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Aether benchmark harness (docs/benchmarks.md). In one run, on one PostgreSQL, it starts the real
 * server as a separate process and measures start-up time, resident memory, proposals created and
 * approved per second over HTTP with 1 and 8 clients, the raw single-row-commit JDBC insert rate of a
 * comparable row, and the proposal-list projection rebuild rate against a raw JDBC scan + Jackson parse.
 *
 * <p>Settings (system properties): bench.seconds (20), bench.warmupSeconds (5), bench.serverJar
 * (api/target/aether.jar), bench.serverHeap (-Xmx256m), bench.serverJvmArgs (-XX:+UseSerialGC; extra server JVM
 * options, space-separated), bench.database (aether_bench), bench.allowRemoteDb (false), bench.authBaseline
 * (true: afterwards, the same HTTP load against a second server that checks no credential, for the
 * cost of authentication).
 * Database: AETHER_DB_URL / AETHER_DB_USER / AETHER_DB_PASSWORD, else an embedded PostgreSQL.
 */
public final class BenchmarkMain {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String RAW_TABLE = "bench_raw_event";
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration REBUILD_TIMEOUT = Duration.ofMinutes(15);
    private static final int RAW_PAYLOAD_BYTES = 600;
    private static final int[] CONCURRENCY = {1, 8};

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final StringBuilder report = new StringBuilder();

    public static void main(String[] args) {
        int code;
        try {
            code = new BenchmarkMain().run();
        } catch (BenchFailure e) {
            System.err.println("\nBENCHMARK FAILED: " + e.getMessage());
            code = 1;
        } catch (Exception e) {
            System.err.println("\nBENCHMARK FAILED: " + e);
            e.printStackTrace();
            code = 1;
        }
        System.exit(code);
    }

    private int run() throws Exception {
        int seconds = intProperty("bench.seconds", 20, 1, 3600);
        int warmup = intProperty("bench.warmupSeconds", 5, 0, 600);
        String heap = System.getProperty("bench.serverHeap", "-Xmx256m");
        // The README's start command: a 256 MiB heap with the serial collector.
        String extra =
                System.getProperty("bench.serverJvmArgs", "-XX:+UseSerialGC").strip();
        List<String> extraJvmArgs = extra.isEmpty() ? List.of() : List.of(extra.split("\\s+"));
        String dbName = System.getProperty("bench.database", "aether_bench");
        boolean allowRemote = Boolean.getBoolean("bench.allowRemoteDb");
        boolean authBaseline = Boolean.parseBoolean(System.getProperty("bench.authBaseline", "true"));
        Path jar = serverJar();
        Duration measure = Duration.ofSeconds(seconds);
        Duration warm = Duration.ofSeconds(warmup);
        String loadBefore = Machine.loadAverage();

        Path work = Files.createTempDirectory("aether-bench-");
        Thread cleanup = new Thread(
                () -> {
                    System.err.println("Interrupted: stopping the server and the database; server log kept in " + work);
                    closeAll();
                },
                "bench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        boolean ok = false;
        try {
            log("Aether benchmark: %d s per measurement after %d s warm-up; server jar %s", seconds, warmup, jar);
            long t = System.nanoTime();
            BenchDatabase db = BenchDatabase.open(
                    System.getenv("AETHER_DB_URL"),
                    System.getenv("AETHER_DB_USER"),
                    System.getenv("AETHER_DB_PASSWORD"),
                    dbName,
                    allowRemote);
            resources.push(db);
            log("Database: %s (ready in %.1f s)", db.description(), (System.nanoTime() - t) / 1e9);

            String token = "bench-" + UUID.randomUUID();
            HomeAssistantSimulator ha = HomeAssistantSimulator.start(0, token);
            resources.push(ha::stop);
            log("Home Assistant simulator on %s", ha.baseUrl());

            // 1. start-up
            AetherServer server =
                    AetherServer.spawn(jar, heap, extraJvmArgs, db, AetherServer.HaAddress.of(ha), token, work);
            resources.push(server);
            double startup = server.awaitReady(START_TIMEOUT);
            Double springStart = server.springReportedStartSeconds();
            log(
                    "Server pid %d ready on %s after %.2f s (Spring Boot reports %s s)",
                    server.pid(), server.baseUrl(), startup, springStart);

            // 2. idle memory
            RssSampler rss = new RssSampler(server);
            resources.push(rss);
            rss.phase("settle");
            Thread.sleep(5000);
            long idleKb = server.rssKb().orElse(-1);
            log("Idle VmRSS after 5 s settle: %.1f MiB", idleKb / 1024.0);

            // 3a. proposals created + approved over HTTP
            HttpResult[] http = new HttpResult[CONCURRENCY.length];
            for (int i = 0; i < CONCURRENCY.length; i++) {
                int clients = CONCURRENCY[i];
                server.checkAlive("the HTTP load");
                if (warmup > 0) {
                    rss.phase("http-warmup-" + clients);
                    LoadRunner.run(
                            clients,
                            warm,
                            th -> new ProposalWorker(
                                    server.baseUrl(), server.authorization(), "w" + clients + "-" + th));
                }
                long before = db.count("SELECT count(*) FROM domain_event_entry");
                double cpu0 = server.cpuSeconds();
                rss.phase("http-" + clients);
                LoadRunner.Result r = LoadRunner.run(
                        clients,
                        measure,
                        th -> new ProposalWorker(server.baseUrl(), server.authorization(), "m" + clients + "-" + th));
                double cpu = server.cpuSeconds() - cpu0;
                rss.phase("between");
                long events = db.count("SELECT count(*) FROM domain_event_entry") - before;
                http[i] = new HttpResult(r, events, rss.peakKb("http-" + clients), cpu);
                log(
                        "HTTP, %d client(s): %d pairs in %.1f s = %.1f pairs/s, %d events = %.1f events/s "
                                + "(pair latency mean %.1f ms, p99 %.1f ms; server CPU %.1f ms per pair)",
                        clients,
                        r.ops(),
                        r.seconds(),
                        r.perSecond(),
                        events,
                        events / r.seconds(),
                        r.meanLatencyMs(),
                        r.p99LatencyMs(),
                        1000 * cpu / r.ops());
                if (r.ops() == 0) {
                    throw new BenchFailure(
                            "No proposal was created and approved in " + seconds + " s with " + clients + " client(s)");
                }
            }
            long afterLoadKb = server.rssKb().orElse(-1);

            // 3c. read-your-writes lag and rollback latency (ReadLatencyBenchmark)
            ReadLatencyBenchmark.Result readLatency =
                    ReadLatencyBenchmark.measure(server.baseUrl(), server.authorization(), measure);

            // 3b. raw single-row-commit inserts of a comparable row, same concurrency and duration
            createRawTable(db);
            LoadRunner.Result[] raw = new LoadRunner.Result[CONCURRENCY.length];
            for (int i = 0; i < CONCURRENCY.length; i++) {
                int threads = CONCURRENCY[i];
                if (warmup > 0) {
                    LoadRunner.run(threads, warm, th -> new RawInsertWorker(db));
                }
                raw[i] = LoadRunner.run(threads, measure, th -> new RawInsertWorker(db));
                log(
                        "Raw JDBC insert, %d thread(s): %d rows in %.1f s = %.1f rows/s (mean %.2f ms, p99 %.2f ms)",
                        threads,
                        raw[i].ops(),
                        raw[i].seconds(),
                        raw[i].perSecond(),
                        raw[i].meanLatencyMs(),
                        raw[i].p99LatencyMs());
            }
            double rawPayload = db.count("SELECT avg(octet_length(payload))::bigint FROM " + RAW_TABLE);
            double aetherPayload = db.count("SELECT avg(octet_length(payload))::bigint FROM domain_event_entry");

            // 4. projection rebuild
            server.checkAlive("the projection rebuild");
            long storeEvents = db.count("SELECT count(*) FROM domain_event_entry");
            // Proposals only: the security principal's stream (the bench's sign-in) is not listed.
            long proposals = db.count("SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry "
                    + "WHERE payload_type LIKE 'io.aether.domain.proposal.%'");
            rss.phase("rebuild");
            double rebuildCpu0 = server.cpuSeconds();
            RebuildResult rebuild = rebuild(server, storeEvents);
            double rebuildCpu = server.cpuSeconds() - rebuildCpu0;
            rss.phase("after");
            long listed = listedProposals(server);
            log(
                    "Rebuild of proposal-list: %d events in %.2f s = %.0f events/s (%d polls, %d proposals listed "
                            + "afterwards, %d in the store)",
                    storeEvents,
                    rebuild.seconds(),
                    storeEvents / rebuild.seconds(),
                    rebuild.polls(),
                    listed,
                    proposals);
            if (listed != proposals) {
                throw new BenchFailure("After the rebuild GET /api/v1/proposals reports " + listed
                        + " proposals but the event store holds " + proposals);
            }

            // 4b. the audit log over the whole store: exports and a replayed stream (issue 9)
            server.checkAlive("the audit-log figures");
            String auditLog = AuditLogMeasurement.measure(server.baseUrl(), server.authorization());

            // 5. raw scan baseline: same rows, fetch size 1000, Jackson readTree of every payload
            ScanResult scanCold = scan(db);
            ScanResult scan = scan(db);
            log(
                    "Raw JDBC scan + readTree: %d rows in %.2f s = %.0f rows/s (first pass %.2f s = %.0f rows/s)",
                    scan.rows(),
                    scan.seconds(),
                    scan.rows() / scan.seconds(),
                    scanCold.seconds(),
                    scanCold.rows() / scanCold.seconds());

            long finalKb = server.rssKb().orElse(-1);
            String pgVersion = db.text("SELECT version()");
            String pgSettings = "fsync=" + db.text("SHOW fsync") + ", synchronous_commit="
                    + db.text("SHOW synchronous_commit") + ", shared_buffers=" + db.text("SHOW shared_buffers");
            List<String> problems = server.problems(10);

            rss.close();
            server.close();
            log("Server stopped by SIGTERM in %.1f s, exit code %s", server.stopSeconds(), server.exitCode());
            // costs that must not grow with the data: a database and server of their own (GrowthBenchmarks)
            String growth = GrowthBenchmarks.enabled()
                    ? GrowthBenchmarks.run(
                            jar, heap, extraJvmArgs, db, AetherServer.HaAddress.of(ha), token, work, resources::push)
                    : "";

            // 3d. the same HTTP load without any credential check, for the cost of authentication
            AuthComparison credentials = authBaseline
                    ? uncheckedLoad(
                            jar, heap, extraJvmArgs, db, AetherServer.HaAddress.of(ha), token, work, warm, measure)
                    : null;

            // 6. report
            section("Machine");
            row("CPU", Machine.cpuModel());
            row(
                    "nproc (available processors)",
                    Integer.toString(Runtime.getRuntime().availableProcessors()));
            row("Memory", Machine.totalMemory());
            row(
                    "OS",
                    System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                            + System.getProperty("os.arch"));
            row("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
            row("PostgreSQL", pgVersion);
            row("PostgreSQL settings", pgSettings);
            row("Database", db.description());
            row(
                    "Server",
                    "java " + heap + (extra.isEmpty() ? "" : " " + extra) + " -jar " + jar + " ("
                            + Files.size(jar) / (1024 * 1024) + " MiB)");
            row(
                    "Run",
                    Instant.now().toString().substring(0, 19) + "Z, " + seconds + " s per measurement, " + warmup
                            + " s warm-up");
            row("Load average before the run (1/5/15 min)", loadBefore);
            section("Start-up and memory");
            row("start-up: spawn to first 200 on /api/v1/ready", f("%.2f s", startup));
            row("Spring Boot's own \"Started in\"", springStart == null ? "n/a" : f("%.2f s", springStart));
            row("VmRSS idle (5 s after ready)", mib(idleKb));
            row(
                    "VmRSS peak during the 8-client load (200 ms samples)",
                    mib(http[CONCURRENCY.length - 1].peakKb()) + " (" + rss.samples("http-8") + " samples)");
            row("VmRSS after the loads", mib(afterLoadKb));
            row("VmRSS peak during the rebuild", mib(rss.peakKb("rebuild")));
            row("VmRSS at the end", mib(finalKb));
            row("SIGTERM to exit", f("%.1f s (exit code %s)", server.stopSeconds(), server.exitCode()));
            report.append("\n| clients | (a) pairs/s | (a) events/s | events/pair | pair latency mean / p99 "
                    + "| server CPU per pair (cores busy) | (b) raw rows/s | raw latency mean / p99 "
                    + "| a/b (events ÷ rows) |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            for (int i = 0; i < CONCURRENCY.length; i++) {
                HttpResult h = http[i];
                double eps = h.events() / h.load().seconds();
                report.append(f(
                        "| %d | %.1f | %.1f | %.2f | %.1f / %.1f ms | %.1f ms (%.2f) | %.1f | %.2f / %.2f ms "
                                + "| %.3f |%n",
                        CONCURRENCY[i],
                        h.load().perSecond(),
                        eps,
                        (double) h.events() / h.load().ops(),
                        h.load().meanLatencyMs(),
                        h.load().p99LatencyMs(),
                        1000 * h.serverCpuSeconds() / h.load().ops(),
                        h.serverCpuSeconds() / h.load().seconds(),
                        raw[i].perSecond(),
                        raw[i].meanLatencyMs(),
                        raw[i].p99LatencyMs(),
                        eps / raw[i].perSecond()));
            }
            report.append(f(
                    "%nPayload size: Aether events average %.0f bytes, raw rows %.0f bytes.%n",
                    aetherPayload, rawPayload));
            if (credentials != null) {
                report.append("\n| clients | (a) Bearer, checked: pairs/s | (d) no credential check: pairs/s "
                        + "| a/d | server CPU per pair a / d |\n| ---: | ---: | ---: | ---: | ---: |\n");
                for (int i = 0; i < CONCURRENCY.length; i++) {
                    HttpResult a = credentials.checked()[i];
                    HttpResult d = credentials.unchecked()[i];
                    report.append(f(
                            "| %d | %.1f | %.1f | %.3f | %.2f / %.2f ms |%n",
                            CONCURRENCY[i],
                            a.load().perSecond(),
                            d.load().perSecond(),
                            a.load().perSecond() / d.load().perSecond(),
                            1000 * a.serverCpuSeconds() / a.load().ops(),
                            1000 * d.serverCpuSeconds() / d.load().ops()));
                }
                report.append(f(
                        "%n(a) and (d) took turns (%d rounds each per concurrency, a d d a ...) on a second server started on "
                                + "the same database with the benchmark-only NoCredentialCheck on its class path.%n",
                        AUTH_ROUNDS));
            }
            readLatency.appendTo(report);
            report.append(
                    "\n| (c) rebuild of proposal-list | events | seconds | events/s |\n| --- | ---: | ---: | ---: |\n");
            report.append(f(
                    "| Aether: POST rebuild until lag 0 (server CPU %.1f s) | %d | %.2f | %.0f |%n",
                    rebuildCpu, storeEvents, rebuild.seconds(), storeEvents / rebuild.seconds()));
            report.append(f(
                    "| raw JDBC scan + Jackson readTree (second pass) | %d | %.2f | %.0f |%n",
                    scan.rows(), scan.seconds(), scan.rows() / scan.seconds()));
            report.append(f(
                    "| raw, first pass | %d | %.2f | %.0f |%n",
                    scanCold.rows(), scanCold.seconds(), scanCold.rows() / scanCold.seconds()));
            report.append(f(
                    "| ratio c/raw | | | %.3f |%n",
                    (storeEvents / rebuild.seconds()) / (scan.rows() / scan.seconds())));
            report.append(f(
                    "%nRebuild: %d polls of GET /api/v1/projections (100 ms apart); at lag 0 the "
                            + "proposal-list entry said replaying=%s.%n",
                    rebuild.polls(), rebuild.stillReplayingFlag()));
            report.append(auditLog);
            report.append(growth);
            if (!problems.isEmpty()) {
                report.append("\nServer log WARN/ERROR lines other than known start-up notices (first ")
                        .append(problems.size())
                        .append("):\n");
                problems.forEach(p -> report.append("  ").append(p).append('\n'));
            }
            System.out.println("\n==================== RESULTS ====================");
            System.out.println(report);
            ok = true;
            return 0;
        } finally {
            closeAll();
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException ignored) {
                // already shutting down
            }
            if (ok) {
                BenchDatabase.deleteQuietly(work);
            } else {
                System.err.println("Server log and data kept in " + work);
            }
        }
    }

    // ---- HTTP load -----------------------------------------------------------------------------

    /** Rounds per concurrency in which the checked and unchecked loads take turns (3d). */
    private static final int AUTH_ROUNDS = 4;
    /** Least warm-up of each load before the rounds of 3d (its server starts cold). */
    private static final Duration AUTH_WARMUP = Duration.ofSeconds(20);

    /** 3d: the same load with and without credential checks, measured in turns on one server. */
    record AuthComparison(HttpResult[] checked, HttpResult[] unchecked) {}

    /**
     * Starts a second server on the same database with io.aether.bench.open.NoCredentialCheck on its
     * class path, which lets requests without a credential in as the owner. On that one server the
     * load with a Bearer token (checked as usual) and the load without any credential take turns:
     * {@value #AUTH_ROUNDS} rounds each per concurrency after a warm-up of both, in the order a d d a a
     * d d a, so JIT state, store size and machine noise weigh on both alike.
     */
    private AuthComparison uncheckedLoad(
            Path jar,
            String heap,
            List<String> extraJvmArgs,
            BenchDatabase db,
            AetherServer.HaAddress haUrl,
            String haToken,
            Path work,
            Duration warm,
            Duration measure)
            throws Exception {
        Path dir = Files.createDirectories(work.resolve("unchecked"));
        Path classes = dir.resolve("classes");
        Path classFile = classes.resolve(io.aether.bench.open.NoCredentialCheck.CLASS_FILE);
        Files.createDirectories(classFile.getParent());
        try (var in = BenchmarkMain.class
                .getClassLoader()
                .getResourceAsStream(io.aether.bench.open.NoCredentialCheck.CLASS_FILE)) {
            if (in == null) {
                throw new BenchFailure("NoCredentialCheck.class is missing from the harness jar");
            }
            Files.copy(in, classFile);
        }
        // The first server's data directory (stopped by now): its key decrypts the secrets in the database.
        AetherServer server = AetherServer.spawn(
                jar, heap, extraJvmArgs, db, haUrl, haToken, dir, work.resolve("aether-data"), classes);
        resources.push(server);
        double startup = server.awaitReady(START_TIMEOUT);
        HttpResponse<String> probe = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/proposals?limit=1"))
                                .timeout(HTTP_TIMEOUT)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (probe.statusCode() != 200) {
            throw new BenchFailure("The server without credential checks answered " + probe.statusCode()
                    + " to a request without a credential: NoCredentialCheck was not loaded");
        }
        String bearer = server.authorization();
        log("Server for the credential comparison, pid %d, ready after %.2f s", server.pid(), startup);
        HttpResult[] checked = new HttpResult[CONCURRENCY.length];
        HttpResult[] unchecked = new HttpResult[CONCURRENCY.length];
        Duration round = measure.dividedBy(AUTH_ROUNDS);
        for (int i = 0; i < CONCURRENCY.length; i++) {
            int clients = CONCURRENCY[i];
            server.checkAlive("the credential comparison");
            // This server starts cold: its JIT still speeds it up for about half a minute, which put
            // the first round (a) of 1 client at a disadvantage (run H). Each load warms it for at
            // least AUTH_WARMUP, longer if bench.warmupSeconds says so.
            Duration authWarm = warm.compareTo(AUTH_WARMUP) > 0 ? warm : AUTH_WARMUP;
            LoadRunner.run(clients, authWarm, th -> new ProposalWorker(server.baseUrl(), bearer, "aw" + clients + th));
            LoadRunner.run(clients, authWarm, th -> new ProposalWorker(server.baseUrl(), null, "uw" + clients + th));
            List<HttpResult> a = new ArrayList<>();
            List<HttpResult> d = new ArrayList<>();
            for (int r = 0; r < AUTH_ROUNDS; r++) {
                String tag = clients + "-" + r + "-";
                LoadRunner.WorkerFactory withCheck = th -> new ProposalWorker(server.baseUrl(), bearer, "a" + tag + th);
                LoadRunner.WorkerFactory withoutCheck =
                        th -> new ProposalWorker(server.baseUrl(), null, "u" + tag + th);
                // a d d a a d d a: neither load always goes first (after the other warmed the JIT, grew the store)
                if (r % 2 == 0) {
                    a.add(measuredLoad(server, db, clients, round, withCheck));
                    d.add(measuredLoad(server, db, clients, round, withoutCheck));
                } else {
                    d.add(measuredLoad(server, db, clients, round, withoutCheck));
                    a.add(measuredLoad(server, db, clients, round, withCheck));
                }
            }
            checked[i] = combined(a);
            unchecked[i] = combined(d);
            log(
                    "%d client(s), %d rounds each: with credential checks %.1f pairs/s (%.2f ms CPU per pair), "
                            + "without %.1f pairs/s (%.2f ms), a/d %.3f",
                    clients,
                    AUTH_ROUNDS,
                    checked[i].load().perSecond(),
                    1000 * checked[i].serverCpuSeconds() / checked[i].load().ops(),
                    unchecked[i].load().perSecond(),
                    1000 * unchecked[i].serverCpuSeconds() / unchecked[i].load().ops(),
                    checked[i].load().perSecond() / unchecked[i].load().perSecond());
            if (checked[i].load().ops() == 0 || unchecked[i].load().ops() == 0) {
                throw new BenchFailure("No proposal was created and approved in the credential comparison");
            }
        }
        server.close();
        return new AuthComparison(checked, unchecked);
    }

    private static HttpResult measuredLoad(
            AetherServer server, BenchDatabase db, int clients, Duration duration, LoadRunner.WorkerFactory workers)
            throws Exception {
        long before = db.count("SELECT count(*) FROM domain_event_entry");
        double cpu0 = server.cpuSeconds();
        LoadRunner.Result r = LoadRunner.run(clients, duration, workers);
        double cpu = server.cpuSeconds() - cpu0;
        return new HttpResult(r, db.count("SELECT count(*) FROM domain_event_entry") - before, -1, cpu);
    }

    /** Rounds of one load added up: operations, time, events and CPU; latencies as the ops-weighted mean. */
    private static HttpResult combined(List<HttpResult> rounds) {
        long ops = 0;
        long events = 0;
        double seconds = 0;
        double cpu = 0;
        double latencyTotal = 0;
        for (HttpResult h : rounds) {
            ops += h.load().ops();
            events += h.events();
            seconds += h.load().seconds();
            cpu += h.serverCpuSeconds();
            latencyTotal += h.load().meanLatencyMs() * h.load().ops();
        }
        double mean = ops == 0 ? 0 : latencyTotal / ops;
        return new HttpResult(
                new LoadRunner.Result(rounds.get(0).load().threads(), ops, seconds, mean, Double.NaN, Double.NaN),
                events,
                -1,
                cpu);
    }

    record HttpResult(LoadRunner.Result load, long events, long peakKb, double serverCpuSeconds) {}

    /** One client: its own HttpClient; one operation = POST /proposals (201) then POST /{id}/approve (200). */
    static final class ProposalWorker implements LoadRunner.Worker {
        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        private final URI create;
        private final String base;
        private final String authorization;
        private final String prefix;

        ProposalWorker(String base, String authorization, String prefix) {
            this.authorization = authorization;
            this.base = base;
            this.create = URI.create(base + "/api/v1/proposals");
            this.prefix = prefix;
        }

        @Override
        public void op(long n) throws Exception {
            String body = "{\"name\":\"Bench " + prefix + "-" + n + "\","
                    + "\"trigger\":[{\"trigger\":\"state\",\"entity_id\":[\"binary_sensor.hall_motion\"],\"to\":[\"on\"]}],"
                    + "\"actions\":[{\"action\":\"light.turn_on\",\"target\":{\"entity_id\":\"light.hall\"}}]}";
            HttpResponse<String> created = post(create, body);
            if (created.statusCode() != 201) {
                throw new BenchFailure("POST /api/v1/proposals answered " + created.statusCode() + " (expected 201): "
                        + excerpt(created.body()));
            }
            String id = MAPPER.readTree(created.body()).path("id").asText("");
            if (id.isEmpty()) {
                throw new BenchFailure("POST /api/v1/proposals answered 201 without an id: " + excerpt(created.body()));
            }
            HttpResponse<String> approved = post(URI.create(base + "/api/v1/proposals/" + id + "/approve"), "{}");
            if (approved.statusCode() != 200) {
                throw new BenchFailure("POST /api/v1/proposals/" + id + "/approve answered " + approved.statusCode()
                        + " (expected 200): " + excerpt(approved.body()));
            }
        }

        private HttpResponse<String> post(URI uri, String json) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .timeout(HTTP_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json");
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return http.send(
                    request.POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        @Override
        public void close() {
            // java.net.http.HttpClient has no close() on Java 17; its connections end with the run
        }
    }

    // ---- raw JDBC insert baseline --------------------------------------------------------------

    private static void createRawTable(BenchDatabase db) throws SQLException {
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + RAW_TABLE);
            // Same columns, keys and indexes as Axon's domain_event_entry (api's V1__event_store.sql).
            st.execute("CREATE TABLE " + RAW_TABLE + " ("
                    + "global_index BIGSERIAL NOT NULL, event_identifier VARCHAR(255) NOT NULL, meta_data BYTEA, "
                    + "payload BYTEA NOT NULL, payload_revision VARCHAR(255), payload_type VARCHAR(255) NOT NULL, "
                    + "time_stamp VARCHAR(255) NOT NULL, aggregate_identifier VARCHAR(255) NOT NULL, "
                    + "sequence_number BIGINT NOT NULL, type VARCHAR(255), PRIMARY KEY (global_index), "
                    + "UNIQUE (aggregate_identifier, sequence_number), UNIQUE (event_identifier))");
            st.execute("CREATE INDEX " + RAW_TABLE + "_time_stamp_idx ON " + RAW_TABLE + " (time_stamp)");
        }
    }

    /** Own connection, autocommit: one INSERT = one transaction = one WAL flush, like one event of a command. */
    static final class RawInsertWorker implements LoadRunner.Worker {
        private final Connection connection;
        private final PreparedStatement insert;
        private String aggregate;

        RawInsertWorker(BenchDatabase db) throws SQLException {
            connection = db.connect();
            connection.setAutoCommit(true);
            insert = connection.prepareStatement("INSERT INTO " + RAW_TABLE + " (event_identifier, meta_data, payload, "
                    + "payload_revision, payload_type, time_stamp, aggregate_identifier, sequence_number, type) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            insert.setQueryTimeout(30);
        }

        @Override
        public void op(long n) throws SQLException {
            long seq = n % 2; // two events per aggregate, like a created + approved proposal
            if (seq == 0) {
                aggregate = UUID.randomUUID().toString();
            }
            String eventId = UUID.randomUUID().toString();
            insert.setString(1, eventId);
            insert.setBytes(
                    2,
                    ("{\"traceId\":\"" + eventId + "\",\"correlationId\":\"" + eventId + "\"}")
                            .getBytes(StandardCharsets.UTF_8));
            insert.setBytes(3, payload(aggregate, n));
            insert.setString(4, null);
            insert.setString(5, "io.aether.domain.proposal.ProposalCreated");
            insert.setString(6, Instant.now().toString());
            insert.setString(7, aggregate);
            insert.setLong(8, seq);
            insert.setString(9, "Proposal");
            if (insert.executeUpdate() != 1) {
                throw new BenchFailure("raw INSERT did not insert one row");
            }
        }

        /** A JSON document of exactly RAW_PAYLOAD_BYTES bytes, shaped like a proposal event. */
        static byte[] payload(String aggregate, long n) {
            String head = "{\"proposalId\":\"" + aggregate + "\",\"content\":{\"proposalType\":\"automation\","
                    + "\"name\":\"Bench raw " + n + "\",\"trigger\":[{\"trigger\":\"state\","
                    + "\"entity_id\":[\"binary_sensor.hall_motion\"],\"to\":[\"on\"]}],\"actions\":[{\"action\":"
                    + "\"light.turn_on\",\"target\":{\"entity_id\":\"light.hall\"}}],\"mode\":\"single\"},"
                    + "\"actor\":{\"type\":\"system\",\"id\":\"system\",\"name\":\"system\"},"
                    + "\"createdAt\":\"" + Instant.now() + "\",\"pad\":\"";
            String tail = "\"}";
            int pad = Math.max(0, RAW_PAYLOAD_BYTES - head.length() - tail.length());
            return (head + "x".repeat(pad) + tail).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    // ---- projection rebuild --------------------------------------------------------------------

    record RebuildResult(double seconds, int polls, boolean stillReplayingFlag) {}

    /**
     * POST /projections/proposal-list/rebuild (202), then poll GET /projections every 100 ms until the
     * processor has been seen behind (replaying, or lag > 0) and then has lag 0 (position = head).
     */
    static RebuildResult rebuild(AetherServer server, long storeEvents) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpRequest post = HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/api/v1/projections/proposal-list/rebuild"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", server.authorization())
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpRequest status = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/projections"))
                .header("Authorization", server.authorization())
                .timeout(HTTP_TIMEOUT)
                .GET()
                .build();
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(post, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new BenchFailure("POST /api/v1/projections/proposal-list/rebuild answered " + r.statusCode()
                    + " (expected 202): " + excerpt(r.body()));
        }
        boolean sawBehind = false;
        long deadline = t0 + REBUILD_TIMEOUT.toNanos();
        int maxPolls = (int) (REBUILD_TIMEOUT.toMillis() / 100) + 1;
        String last = "";
        for (int polls = 1; polls <= maxPolls && System.nanoTime() < deadline; polls++) {
            HttpResponse<String> s = http.send(status, HttpResponse.BodyHandlers.ofString());
            long now = System.nanoTime();
            if (s.statusCode() != 200) {
                throw new BenchFailure("GET /api/v1/projections answered " + s.statusCode() + ": " + excerpt(s.body()));
            }
            JsonNode entry = null;
            for (JsonNode p : MAPPER.readTree(s.body())) {
                if ("proposal-list".equals(p.path("name").asText())) {
                    entry = p;
                }
            }
            if (entry == null) {
                throw new BenchFailure("GET /api/v1/projections has no proposal-list entry: " + excerpt(s.body()));
            }
            last = entry.toString();
            if (entry.path("error").asBoolean(false)) {
                throw new BenchFailure("The proposal-list processor is in error during the rebuild: " + last);
            }
            boolean replaying = entry.path("replaying").asBoolean(false);
            JsonNode lagNode = entry.path("lag");
            Long lag = lagNode.isNumber() ? lagNode.asLong() : null;
            // Right after the reset the segments are unclaimed (lag null) or at position 0 (lag = head);
            // the replay is done when this node holds every segment and the slowest is at the head.
            boolean allSegments = entry.path("segments").asInt(-1)
                    == entry.path("total_segments").asInt(-2);
            sawBehind |= replaying || (lag != null && lag > 0);
            // A small store can be replayed before the first poll: after 1 s at the head without
            // having been seen behind, the (synchronous) reset is taken as done; the time then over-counts.
            if ((sawBehind || polls >= 10) && allSegments && lag != null && lag == 0) {
                return new RebuildResult((now - t0) / 1e9, polls, replaying);
            }
            server.checkAlive("the projection rebuild");
            Thread.sleep(100);
        }
        throw new BenchFailure("The proposal-list rebuild of " + storeEvents + " events did not finish within "
                + REBUILD_TIMEOUT.toMinutes() + " min (saw it behind: " + sawBehind + "); last status " + last);
    }

    private static long listedProposals(AetherServer server) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/proposals?limit=1"))
                        .header("Authorization", server.authorization())
                        .timeout(HTTP_TIMEOUT)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new BenchFailure("GET /api/v1/proposals answered " + r.statusCode() + ": " + excerpt(r.body()));
        }
        return MAPPER.readTree(r.body()).path("total").asLong(-1);
    }

    // ---- raw scan baseline ---------------------------------------------------------------------

    record ScanResult(long rows, double seconds) {}

    static ScanResult scan(BenchDatabase db) throws SQLException, IOException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false); // needed for a server-side cursor with fetch size
            long t0 = System.nanoTime();
            long rows = 0;
            long fields = 0;
            try (PreparedStatement st = c.prepareStatement("SELECT payload, payload_type, meta_data, time_stamp "
                    + "FROM domain_event_entry ORDER BY global_index")) {
                st.setFetchSize(1000);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        JsonNode payload = MAPPER.readTree(rs.getBytes(1));
                        String type = rs.getString(2);
                        byte[] meta = rs.getBytes(3);
                        String ts = rs.getString(4);
                        fields += payload.size() + type.length() + (meta == null ? 0 : 1) + ts.length();
                        rows++;
                    }
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            c.commit();
            if (fields == 0 && rows > 0) {
                throw new BenchFailure("the scan read no fields");
            }
            return new ScanResult(rows, seconds);
        }
    }

    // ---- plumbing ------------------------------------------------------------------------------

    private synchronized void closeAll() {
        while (!resources.isEmpty()) {
            AutoCloseable r = resources.pop();
            try {
                r.close();
            } catch (Exception e) {
                System.err.println("warning: cleanup: " + e);
            }
        }
    }

    private static Path serverJar() {
        String configured = System.getProperty("bench.serverJar");
        List<Path> candidates = configured != null
                ? List.of(Path.of(configured))
                : List.of(Path.of("api/target/aether.jar"), Path.of("../api/target/aether.jar"));
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new BenchFailure("The server jar " + candidates.get(0).toAbsolutePath() + " does not exist. Build it "
                + "from the repository root with: ./mvnw -q -pl api -am package -DskipTests "
                + "(or give its path with -Dbench.serverJar=...)");
    }

    private static int intProperty(String name, int fallback, int min, int max) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int i = Integer.parseInt(v.strip());
            if (i < min || i > max) {
                throw new NumberFormatException();
            }
            return i;
        } catch (NumberFormatException e) {
            throw new BenchFailure("-D" + name + " must be an integer from " + min + " to " + max + ", got " + v);
        }
    }

    private void section(String title) {
        report.append("\n| ").append(title).append(" | |\n| --- | --- |\n");
    }

    private void row(String what, String value) {
        report.append("| ")
                .append(what)
                .append(" | ")
                .append(value.replace("|", "\\|"))
                .append(" |\n");
    }

    private static String mib(long kb) {
        return kb < 0 ? "n/a" : f("%.1f MiB", kb / 1024.0);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static String excerpt(String body) {
        if (body == null) {
            return "(no body)";
        }
        String one = body.replaceAll("\\s+", " ");
        return one.length() > 400 ? one.substring(0, 400) + "..." : one;
    }

    static void log(String format, Object... args) {
        System.out.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + f(format, args));
    }
}

package io.aether.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Costs that must not grow with the data (issue 7): list latency at {@code bench.growth.small} vs
 * {@code bench.growth.large} proposals, and rollback / time travel of a proposal with
 * {@code bench.growth.longHistory} events vs one with {@code bench.growth.shortHistory}, and config
 * rollback of an agent with many promotions vs few (issue 8). Runs on a
 * database and a server process of its own, after the main measurements, so it changes none of them.
 *
 * <p>Settings (system properties): bench.growth (true; false skips it), bench.growth.small (1000),
 * bench.growth.large (100000), bench.growth.shortHistory (10), bench.growth.longHistory (1000),
 * bench.growth.agentShortPromotions (10), bench.growth.agentLongPromotions (1000),
 * bench.growth.requests (300 timed requests per figure), bench.growth.warmup (50 untimed ones first).
 */
final class GrowthBenchmarks {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private GrowthBenchmarks() {}

    static boolean enabled() {
        return !"false"
                .equalsIgnoreCase(System.getProperty("bench.growth", "true").strip());
    }

    /** Runs both measurements; answers the Markdown section for the report. */
    static String run(
            Path jar,
            String heap,
            List<String> jvmArgs,
            BenchDatabase main,
            AetherServer.HaAddress haUrl,
            String haToken,
            Path work,
            Consumer<AutoCloseable> cleanUpOnInterrupt)
            throws Exception {
        int small = intProperty("bench.growth.small", 1000);
        int large = intProperty("bench.growth.large", 100_000);
        int shortHistory = intProperty("bench.growth.shortHistory", 10);
        int longHistory = intProperty("bench.growth.longHistory", 1000);
        int agentShort = intProperty("bench.growth.agentShortPromotions", 10);
        int agentLong = intProperty("bench.growth.agentLongPromotions", 1000);
        int requests = intProperty("bench.growth.requests", 300);
        int warmup = intProperty("bench.growth.warmup", 50);
        if (large <= small) {
            throw new BenchFailure("-Dbench.growth.large must be above -Dbench.growth.small");
        }
        BenchDatabase db = main.sibling("aether_bench_growth");
        Path dir = Files.createDirectories(work.resolve("growth"));
        try (AetherServer server = AetherServer.spawn(jar, heap, jvmArgs, db, haUrl, haToken, dir)) {
            cleanUpOnInterrupt.accept(server);
            server.awaitReady(START_TIMEOUT);
            BenchHttp http = new BenchHttp(server);
            log("Growth: list at %d vs %d proposals", small, large);
            ListScaleMeasurement.Result list =
                    new ListScaleMeasurement(server, db, http, warmup, requests).run(small, large);
            log("Growth: rollback / time travel, %d vs %d events", shortHistory, longHistory);
            HistoryDepthMeasurement.Result history =
                    new HistoryDepthMeasurement(http, warmup, requests).run(shortHistory, longHistory);
            log("Growth: agent config rollback, %d vs %d promotions", agentShort, agentLong);
            AgentRollbackMeasurement.Result agents =
                    new AgentRollbackMeasurement(http, warmup, requests).run(agentShort, agentLong);
            for (AgentRollbackMeasurement.Row r : agents.rows()) {
                log("Growth: %s: p99 ratio %.2f", r.request(), r.ratio());
            }
            // the rebuild rate on the large store, where the reset's fixed cost weighs little
            long events = db.count("SELECT count(*) FROM domain_event_entry");
            BenchmarkMain.RebuildResult rebuild = BenchmarkMain.rebuild(server, events);
            BenchmarkMain.scan(db);
            BenchmarkMain.ScanResult scan = BenchmarkMain.scan(db);
            log(
                    "Growth: rebuild of %d events in %.2f s = %.0f events/s; raw scan %.0f rows/s",
                    events, rebuild.seconds(), events / rebuild.seconds(), scan.rows() / scan.seconds());
            server.checkAlive("the growth measurements");
            return report(list, history, requests, warmup)
                    + report(agents, requests, warmup)
                    + f(
                            "%n| (f) rebuild of proposal-list on the %,d-proposal "
                                    + "store | events | seconds | events/s |%n| --- | ---: | ---: | ---: |%n"
                                    + "| Aether: POST rebuild until lag 0 | %d | %.2f | %.0f |%n"
                                    + "| raw JDBC scan + Jackson readTree (second pass) | %d | %.2f | %.0f |%n"
                                    + "| ratio c/raw | | | %.3f |%n",
                            list.large(),
                            events,
                            rebuild.seconds(),
                            events / rebuild.seconds(),
                            scan.rows(),
                            scan.seconds(),
                            scan.rows() / scan.seconds(),
                            (events / rebuild.seconds()) / (scan.rows() / scan.seconds()));
        }
    }

    private static String report(
            ListScaleMeasurement.Result list, HistoryDepthMeasurement.Result history, int requests, int warmup) {
        StringBuilder out = new StringBuilder();
        out.append(f(
                "%n| (d) GET /api/v1/proposals, p50 / p99 of %d sequential requests after %d (1 client) "
                        + "| %,d proposals | %,d proposals | **p99 ratio** (target ≤ 1.5) |%n| --- | ---: | ---: | ---: |%n",
                requests, warmup, list.small(), list.large()));
        for (ListScaleMeasurement.Row r : list.rows()) {
            out.append(f(
                    "| %s | %s | %s | **%.2f** |%n",
                    r.request(),
                    r.small() == null ? "n/a" : r.small().p50p99(),
                    r.large() == null ? "n/a" : r.large().p50p99(),
                    r.ratio()));
        }
        out.append(f(
                "%nSeeding %,d more proposals took %.1f s (SQL copies of one ProposalCreated); the live "
                        + "projection listed them all %.1f s later.%n",
                list.large() - list.small(), list.seedSeconds(), list.catchUpSeconds()));
        out.append(f(
                "%n| (e) one proposal, p50 / p99 of %d sequential requests after %d | %,d events "
                        + "| %,d events | **p99 ratio** (target ≤ 2) |%n| --- | ---: | ---: | ---: |%n",
                requests, warmup, history.shortEvents(), history.longEvents()));
        for (HistoryDepthMeasurement.Row r : history.rows()) {
            out.append(f(
                    "| %s | %s | %s | **%.2f** |%n",
                    r.request(), r.shortHistory().p50p99(), r.longHistory().p50p99(), r.ratio()));
        }
        out.append(f("%nThe long history held %,d events after the rollbacks.%n", history.longEventsAtEnd()));
        return out.toString();
    }

    private static String report(AgentRollbackMeasurement.Result agents, int requests, int warmup) {
        StringBuilder out = new StringBuilder();
        out.append(f(
                "%n| (g) one agent, p50 / p99 of %d sequential requests after %d | %,d promotions "
                        + "| %,d promotions | **p99 ratio** (target ≈ 1) |%n| --- | ---: | ---: | ---: |%n",
                requests, warmup, agents.shortPromotions(), agents.longPromotions()));
        for (AgentRollbackMeasurement.Row r : agents.rows()) {
            out.append(f(
                    "| %s | %s | %s | **%.2f** |%n",
                    r.request(), r.shortHistory().p50p99(), r.longHistory().p50p99(), r.ratio()));
        }
        return out.toString();
    }

    private static int intProperty(String name, int fallback) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int i = Integer.parseInt(v.strip());
            if (i < 1 || i > 10_000_000) {
                throw new NumberFormatException();
            }
            return i;
        } catch (NumberFormatException e) {
            throw new BenchFailure("-D" + name + " must be a positive integer, got " + v);
        }
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static void log(String format, Object... args) {
        System.out.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + f(format, args));
    }
}

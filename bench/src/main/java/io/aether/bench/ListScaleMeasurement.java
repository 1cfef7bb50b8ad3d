package io.aether.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * GET /proposals latency with {@code small} and then {@code large} proposals listed (issue 7: p99 at
 * 100,000 at most 1.5 times p99 at 1,000). Proposals are seeded by copying one real ProposalCreated
 * event in SQL under new ids (far faster than HTTP); the live proposal-list projection lists them.
 */
final class ListScaleMeasurement {
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(15);
    private static final int SEED_CHUNK = 10_000;

    /** p50/p99 of one request kind at both sizes. */
    record Row(String request, Latencies small, Latencies large) {
        double ratio() {
            return small == null || large == null ? Double.NaN : large.p99Ms() / small.p99Ms();
        }
    }

    record Result(int small, int large, double seedSeconds, double catchUpSeconds, List<Row> rows) {}

    private final AetherServer server;
    private final BenchDatabase db;
    private final BenchHttp http;
    private final int warmup;
    private final int requests;

    ListScaleMeasurement(AetherServer server, BenchDatabase db, BenchHttp http, int warmup, int requests) {
        this.server = server;
        this.db = db;
        this.http = http;
        this.warmup = warmup;
        this.requests = requests;
    }

    Result run(int small, int large) throws Exception {
        String template = http.post(
                        "/api/v1/proposals",
                        "{\"name\":\"Seed template\","
                                + "\"trigger\":[{\"trigger\":\"state\",\"entity_id\":[\"binary_sensor.hall_motion\"],\"to\":[\"on\"]}],"
                                + "\"actions\":[{\"action\":\"light.turn_on\",\"target\":{\"entity_id\":\"light.hall\"}}]}",
                        201)
                .path("id")
                .asText();
        seed(template, small - 1);
        awaitListed(small);
        List<Latencies> atSmall = measureAll(small);
        long t = System.nanoTime();
        seed(template, large - small);
        double seedSeconds = (System.nanoTime() - t) / 1e9;
        double catchUp = awaitListed(large);
        List<Latencies> atLarge = measureAll(large);
        List<String> names = List.of(
                "first page, `?limit=50`",
                "first page by status, `?status=proposed&limit=50`",
                "middle page by cursor, `?limit=50&after=…`",
                "middle page by offset, `?limit=50&offset=n/2`");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            rows.add(new Row(names.get(i), atSmall.get(i), atLarge.get(i)));
        }
        return new Result(small, large, seedSeconds, catchUp, rows);
    }

    private List<Latencies> measureAll(int listed) throws Exception {
        String cursor = cursorAt(listed / 2);
        List<Latencies> out = new ArrayList<>();
        out.add(Latencies.measure(warmup, requests, i -> page(http.get("/api/v1/proposals?limit=50"))));
        out.add(Latencies.measure(warmup, requests, i -> page(http.get("/api/v1/proposals?status=proposed&limit=50"))));
        out.add(
                cursor == null
                        ? null
                        : Latencies.measure(
                                warmup, requests, i -> page(http.get("/api/v1/proposals?limit=50&after=" + cursor))));
        out.add(Latencies.measure(
                warmup, requests, i -> page(http.get("/api/v1/proposals?limit=50&offset=" + listed / 2))));
        return out;
    }

    private static void page(JsonNode body) {
        if (body.path("items").size() != 50) {
            throw new BenchFailure("a list page held " + body.path("items").size() + " items, expected 50");
        }
    }

    /**
     * The next_after cursor after the first {@code rows} rows, walking pages of 500; null when the
     * server under test has no cursor (a build before it, measured for comparison).
     */
    private String cursorAt(int rows) throws Exception {
        String after = null;
        for (int seen = 0; seen < rows; ) {
            int limit = Math.min(500, rows - seen);
            JsonNode body = http.get("/api/v1/proposals?limit=" + limit + (after == null ? "" : "&after=" + after));
            seen += body.path("items").size();
            if (!body.has("next_after")) {
                return null;
            }
            after = body.path("next_after").asText(null);
            if (after == null) {
                throw new BenchFailure("the list ended after " + seen + " rows, expected at least " + rows);
            }
        }
        return after;
    }

    /** Copies the template's ProposalCreated event {@code n} times under fresh proposal ids. */
    private void seed(String templateId, int n) throws SQLException {
        String sql = """
                INSERT INTO domain_event_entry (event_identifier, meta_data, payload, payload_revision, payload_type,
                    time_stamp, aggregate_identifier, sequence_number, type)
                SELECT gen_random_uuid()::text, t.meta_data,
                    convert_to(replace(replace(convert_from(t.payload, 'UTF8'), t.aggregate_identifier, s.nid),
                        replace(t.aggregate_identifier, '-', ''), replace(s.nid, '-', '')), 'UTF8'),
                    t.payload_revision, t.payload_type,
                    to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                    s.nid, 0, t.type
                FROM domain_event_entry t, (SELECT g, gen_random_uuid()::text AS nid FROM generate_series(1, ?) g) s
                WHERE t.aggregate_identifier = ? AND t.sequence_number = 0""";
        try (Connection c = db.connect();
                PreparedStatement st = c.prepareStatement(sql)) {
            st.setQueryTimeout(300);
            for (int done = 0; done < n; done += SEED_CHUNK) {
                st.setInt(1, Math.min(SEED_CHUNK, n - done));
                st.setString(2, templateId);
                int inserted = st.executeUpdate();
                if (inserted != Math.min(SEED_CHUNK, n - done)) {
                    throw new BenchFailure(
                            "seeding inserted " + inserted + " events, expected " + Math.min(SEED_CHUNK, n - done));
                }
            }
        }
    }

    /** Polls the list total every 100 ms until it is {@code expected}; answers the seconds waited. */
    private double awaitListed(int expected) throws Exception {
        long t0 = System.nanoTime();
        long deadline = t0 + CATCH_UP_TIMEOUT.toNanos();
        long total = -1;
        for (int polls = 0; polls < CATCH_UP_TIMEOUT.toMillis() / 100 + 1 && System.nanoTime() < deadline; polls++) {
            total = http.get("/api/v1/proposals?limit=1").path("total").asLong(-1);
            if (total == expected) {
                return (System.nanoTime() - t0) / 1e9;
            }
            server.checkAlive("the list seeding");
            Thread.sleep(100);
        }
        throw new BenchFailure(String.format(
                Locale.ROOT,
                "the list showed %d of %d seeded proposals after %d min",
                total,
                expected,
                CATCH_UP_TIMEOUT.toMinutes()));
    }
}

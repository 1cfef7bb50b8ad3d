package io.aether.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Rollback and time travel of a proposal with a long history against one with a short history
 * (issue 7: at most 2 times the latency at 1,000 events against 10). Both proposals are created,
 * approved and deployed over HTTP, then disabled and enabled in turn until they hold their number
 * of events; then each kind of request is timed on both.
 */
final class HistoryDepthMeasurement {

    record Row(String request, Latencies shortHistory, Latencies longHistory) {
        double ratio() {
            return longHistory.p99Ms() / shortHistory.p99Ms();
        }
    }

    record Result(int shortEvents, int longEvents, int longEventsAtEnd, List<Row> rows) {}

    private static final String AUTOMATION = "{\"name\":\"History depth\","
            + "\"trigger\":[{\"trigger\":\"state\",\"entity_id\":[\"binary_sensor.hall_motion\"],\"to\":[\"on\"]}],"
            + "\"actions\":[{\"action\":\"light.turn_on\",\"target\":{\"entity_id\":\"light.hall\"}}]}";

    private final BenchHttp http;
    private final int warmup;
    private final int requests;

    HistoryDepthMeasurement(BenchHttp http, int warmup, int requests) {
        this.http = http;
        this.warmup = warmup;
        this.requests = requests;
    }

    Result run(int shortEvents, int longEvents) throws Exception {
        String a = proposalWithEvents(shortEvents);
        String b = proposalWithEvents(longEvents);
        List<Row> rows = new ArrayList<>();
        rows.add(row("current state, `GET /proposals/{id}`", a, b, (id, n) -> "/api/v1/proposals/" + id));
        rows.add(row(
                "time travel to the newest version, `?version=N`",
                a,
                b,
                (id, n) -> "/api/v1/proposals/" + id + "?version=" + n));
        rows.add(row(
                "time travel to the middle, `?version=N/2`",
                a,
                b,
                (id, n) -> "/api/v1/proposals/" + id + "?version=" + Math.max(1, n / 2)));
        rows.add(row(
                "history, `GET /proposals/{id}/history` (the whole stream by contract)",
                a,
                b,
                (id, n) -> "/api/v1/proposals/" + id + "/history"));
        // Rollback to the deployed version (4): restores that config in HA and appends 2 events.
        Latencies rollbackA = Latencies.measure(warmup, requests, i -> rollback(a));
        Latencies rollbackB = Latencies.measure(warmup, requests, i -> rollback(b));
        rows.add(new Row(
                "rollback, `POST /proposals/{id}/rollback {to_version: 4}` (+2 events each)", rollbackA, rollbackB));
        int atEnd = http.get("/api/v1/proposals/" + b).path("version").asInt();
        return new Result(shortEvents, longEvents, atEnd, rows);
    }

    private interface PathOf {
        String path(String id, int events);
    }

    private Row row(String name, String a, String b, PathOf path) throws Exception {
        int na = version(a);
        int nb = version(b);
        Latencies la = Latencies.measure(warmup, requests, i -> http.get(path.path(a, na)));
        Latencies lb = Latencies.measure(warmup, requests, i -> http.get(path.path(b, nb)));
        return new Row(name, la, lb);
    }

    private int version(String id) throws Exception {
        return http.get("/api/v1/proposals/" + id).path("version").asInt();
    }

    private void rollback(String id) throws Exception {
        JsonNode r = http.post("/api/v1/proposals/" + id + "/rollback", "{\"to_version\": 4}", 200);
        if (!r.path("success").asBoolean(false)) {
            throw new BenchFailure("rollback of " + id + " did not succeed: " + r);
        }
    }

    /** Created (1), approved (2), deployment requested and deployed (4), then disable/enable to {@code events}. */
    private String proposalWithEvents(int events) throws Exception {
        if (events < 4 || events % 2 != 0) {
            throw new BenchFailure("a history length must be an even number of at least 4 events, got " + events);
        }
        String id = http.post("/api/v1/proposals", AUTOMATION, 201).path("id").asText();
        http.post("/api/v1/proposals/" + id + "/approve", "{}", 200);
        JsonNode deployed = http.post("/api/v1/proposals/" + id + "/deploy", "{}", 200);
        if (!deployed.path("success").asBoolean(false)) {
            throw new BenchFailure("deployment of " + id + " did not succeed: " + deployed);
        }
        int version = version(id);
        for (int i = 0; version < events && i < 2 * events; i++) {
            String action = i % 2 == 0 ? "disable" : "enable";
            version = http.post("/api/v1/proposals/" + id + "/" + action, "{}", 200)
                    .path("version")
                    .asInt();
        }
        if (version != events) {
            throw new BenchFailure("proposal " + id + " has " + version + " events, expected " + events);
        }
        return id;
    }
}

package io.aether.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Config rollback of an agent with a long promotion history against one with a short history
 * (issue 8: with snapshots, rollback latency should stay near the same at 1,000 promotions as at
 * 10). Two clones of a seeded agent get their number of config promotions over HTTP; then each
 * kind of request is timed on both. The rollbacks alternate between the last two versions
 * ({@code to_version}), so every one is legal and appends one event.
 */
final class AgentRollbackMeasurement {

    record Row(String request, Latencies shortHistory, Latencies longHistory) {
        double ratio() {
            return longHistory.p99Ms() / shortHistory.p99Ms();
        }
    }

    record Result(int shortPromotions, int longPromotions, List<Row> rows) {}

    private final BenchHttp http;
    private final int warmup;
    private final int requests;

    AgentRollbackMeasurement(BenchHttp http, int warmup, int requests) {
        this.http = http;
        this.warmup = warmup;
        this.requests = requests;
    }

    Result run(int shortPromotions, int longPromotions) throws Exception {
        http.post("/api/v1/agents/seed", "", 201);
        String a = agentWithPromotions(shortPromotions);
        String b = agentWithPromotions(longPromotions);
        List<Row> rows = new ArrayList<>();
        int lastA = shortPromotions + 1;
        int lastB = longPromotions + 1;
        rows.add(new Row(
                "config rollback, `POST /agents/{name}/config/rollback {to_version}` (+1 event each)",
                Latencies.measure(warmup, requests, i -> rollback(a, i % 2 == 0 ? lastA - 1 : lastA)),
                Latencies.measure(warmup, requests, i -> rollback(b, i % 2 == 0 ? lastB - 1 : lastB))));
        rows.add(new Row(
                "current agent, `GET /agents/{name}` (read model)",
                Latencies.measure(warmup, requests, i -> http.get("/api/v1/agents/" + a)),
                Latencies.measure(warmup, requests, i -> http.get("/api/v1/agents/" + b))));
        return new Result(shortPromotions, longPromotions, rows);
    }

    private void rollback(String agent, int toVersion) throws Exception {
        JsonNode active =
                http.post("/api/v1/agents/" + agent + "/config/rollback", "{\"to_version\": " + toVersion + "}", 200);
        if (active.path("version_number").asInt() != toVersion) {
            throw new BenchFailure("rollback of " + agent + " to " + toVersion + " answered " + active);
        }
    }

    /** A clone of research with config version 1 active, then {@code promotions} more promoted. */
    private String agentWithPromotions(int promotions) throws Exception {
        String name =
                http.post("/api/v1/agents/research/clone", "", 201).path("name").asText();
        http.post("/api/v1/agents/" + name + "/promote-all", "", 200);
        for (int i = 0; i < promotions; i++) {
            String id = http.post(
                            "/api/v1/agents/" + name + "/config/versions", "{\"model_name\": \"bench-" + i + "\"}", 201)
                    .path("id")
                    .asText();
            http.post("/api/v1/agents/" + name + "/config/versions/" + id + "/promote", "", 200);
        }
        return name;
    }
}

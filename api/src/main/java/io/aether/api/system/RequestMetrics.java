package io.aether.api.system;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.stereotype.Component;

/**
 * In-process request statistics behind GET /metrics (the original's JSON shape). Latency
 * percentiles are over the most recent {@value #WINDOW} requests. Prometheus gets Micrometer's
 * own http.server.requests timers instead.
 */
@Component
public class RequestMetrics {
    static final int WINDOW = 10_000;

    private final LongAdder total = new LongAdder();
    private final Map<String, LongAdder> byStatus = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byPath = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byMethodPath = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errorsByType = new ConcurrentHashMap<>();
    private final LongAdder errors = new LongAdder();
    private final AtomicInteger active = new AtomicInteger();
    private final double[] latencies = new double[WINDOW];
    private long recorded;

    public void started() {
        active.incrementAndGet();
    }

    public void finished(String method, String path, int status, double latencyMs, String errorType) {
        active.decrementAndGet();
        total.increment();
        byStatus.computeIfAbsent(String.valueOf(status), k -> new LongAdder()).increment();
        byPath.computeIfAbsent(path, k -> new LongAdder()).increment();
        byMethodPath.computeIfAbsent(method + " " + path, k -> new LongAdder()).increment();
        if (status >= 400) {
            errors.increment();
            String type = errorType != null ? errorType : (status >= 500 ? "server_error" : "client_error");
            errorsByType.computeIfAbsent(type, k -> new LongAdder()).increment();
        }
        synchronized (latencies) {
            latencies[(int) (recorded % WINDOW)] = latencyMs;
            recorded++;
        }
    }

    public Map<String, Object> snapshot(double uptimeSeconds) {
        Map<String, Object> requests = new LinkedHashMap<>();
        requests.put("total", total.sum());
        requests.put("by_status", counts(byStatus, Integer.MAX_VALUE));
        requests.put("by_path", counts(byPath, 20));
        requests.put("by_method_path", counts(byMethodPath, Integer.MAX_VALUE));

        Map<String, Object> errorPart = new LinkedHashMap<>();
        errorPart.put("total", errors.sum());
        errorPart.put("by_type", counts(errorsByType, Integer.MAX_VALUE));

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requests", requests);
        body.put("latency", latency());
        body.put("errors", errorPart);
        body.put("active_requests", active.get());
        body.put("agents", Map.of("invocations", Map.of()));
        body.put("uptime_seconds", uptimeSeconds);
        return body;
    }

    private Map<String, Object> latency() {
        double[] sample;
        synchronized (latencies) {
            sample = Arrays.copyOf(latencies, (int) Math.min(recorded, WINDOW));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (sample.length == 0) {
            for (String key : new String[] {"p50_ms", "p95_ms", "p99_ms", "min_ms", "max_ms", "avg_ms"}) {
                out.put(key, 0.0);
            }
            return out;
        }
        Arrays.sort(sample);
        out.put("p50_ms", round(percentile(sample, 50)));
        out.put("p95_ms", round(percentile(sample, 95)));
        out.put("p99_ms", round(percentile(sample, 99)));
        out.put("min_ms", round(sample[0]));
        out.put("max_ms", round(sample[sample.length - 1]));
        out.put("avg_ms", round(Arrays.stream(sample).average().orElse(0)));
        return out;
    }

    /** Nearest-rank percentile of a sorted sample. */
    static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }

    private static Map<String, Long> counts(Map<String, LongAdder> source, int top) {
        Map<String, Long> out = new LinkedHashMap<>();
        source.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
                .limit(top)
                .forEach(e -> out.put(e.getKey(), e.getValue().sum()));
        return out;
    }
}

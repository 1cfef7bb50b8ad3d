package io.aether.bench;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Samples the server's VmRSS every 200 ms and keeps the peak per labelled phase. */
final class RssSampler implements AutoCloseable {
    private final AetherServer server;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rss-sampler");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Long> peaks = new ConcurrentHashMap<>();
    private final Map<String, Integer> samples = new ConcurrentHashMap<>();
    private volatile String phase = "idle";

    RssSampler(AetherServer server) {
        this.server = server;
        timer.scheduleAtFixedRate(this::sample, 0, 200, TimeUnit.MILLISECONDS);
    }

    void phase(String name) {
        phase = name;
        sample();
    }

    private void sample() {
        String p = phase;
        OptionalLong kb = server.rssKb();
        if (kb.isPresent()) {
            peaks.merge(p, kb.getAsLong(), Math::max);
            samples.merge(p, 1, Integer::sum);
        }
    }

    /** Peak VmRSS in kB seen during the phase, or -1. */
    long peakKb(String name) {
        return peaks.getOrDefault(name, -1L);
    }

    int samples(String name) {
        return samples.getOrDefault(name, 0);
    }

    long overallPeakKb() {
        return peaks.values().stream().mapToLong(Long::longValue).max().orElse(-1);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

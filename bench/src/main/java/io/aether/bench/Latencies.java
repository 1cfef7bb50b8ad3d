package io.aether.bench;

import java.util.Arrays;
import java.util.Locale;

/** Latencies of a fixed number of sequential requests, in nanoseconds. */
record Latencies(long[] sortedNanos) {

    interface Call {
        void run(int i) throws Exception;
    }

    /** {@code warmup} unmeasured calls, then {@code count} measured ones, one after the other. */
    static Latencies measure(int warmup, int count, Call call) throws Exception {
        for (int i = 0; i < warmup; i++) {
            call.run(i);
        }
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long t = System.nanoTime();
            call.run(warmup + i);
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        return new Latencies(nanos);
    }

    double p50Ms() {
        return percentile(0.50);
    }

    double p99Ms() {
        return percentile(0.99);
    }

    private double percentile(double p) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int i = (int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, i)] / 1e6;
    }

    String p50p99() {
        return String.format(Locale.ROOT, "%.2f / %.2f ms", p50Ms(), p99Ms());
    }
}

package io.aether.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs N workers, one thread each, for a fixed duration, and counts completed operations. Every
 * loop is bounded by the duration and by a maximum operation count; the first failure stops all
 * workers and is rethrown.
 */
final class LoadRunner {
    /** A cap far above any rate seen here, so that the loop is bounded in count as well as in time. */
    static final long MAX_OPS_PER_THREAD = 5_000_000;

    private static final Duration GRACE = Duration.ofSeconds(90);

    interface Worker extends AutoCloseable {
        /** One operation (for the HTTP load: create + approve). Throws on any failure. */
        void op(long n) throws Exception;

        @Override
        default void close() throws Exception {}
    }

    interface WorkerFactory {
        Worker create(int thread) throws Exception;
    }

    record Result(
            int threads, long ops, double seconds, double meanLatencyMs, double p50LatencyMs, double p99LatencyMs) {
        double perSecond() {
            return ops / seconds;
        }
    }

    private LoadRunner() {}

    static Result run(int threads, Duration duration, WorkerFactory factory) throws Exception {
        List<Worker> workers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bench-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < threads; i++) {
                workers.add(factory.create(i));
            }
            CountDownLatch start = new CountDownLatch(1);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            long[] startNanos = new long[1];
            List<Future<long[]>> futures = new ArrayList<>();
            for (Worker w : workers) {
                futures.add(pool.submit(() -> {
                    start.await();
                    long end = startNanos[0] + duration.toNanos();
                    long[] latencies = new long[1024];
                    int n = 0;
                    try {
                        while (!stop.get() && n < MAX_OPS_PER_THREAD && System.nanoTime() < end) {
                            long t = System.nanoTime();
                            w.op(n);
                            if (n == latencies.length) {
                                latencies = Arrays.copyOf(latencies, n * 2);
                            }
                            latencies[n++] = System.nanoTime() - t;
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                        stop.set(true);
                    }
                    return Arrays.copyOf(latencies, n);
                }));
            }
            startNanos[0] = System.nanoTime();
            start.countDown();
            List<long[]> all = new ArrayList<>();
            long waitUntil = startNanos[0] + duration.plus(GRACE).toNanos();
            for (Future<long[]> f : futures) {
                try {
                    all.add(f.get(Math.max(1, waitUntil - System.nanoTime()), TimeUnit.NANOSECONDS));
                } catch (TimeoutException e) {
                    stop.set(true);
                    throw new BenchFailure("A load thread was still busy " + GRACE.toSeconds()
                            + " s after the end of the measurement; an operation hangs");
                } catch (ExecutionException e) {
                    throw new BenchFailure("A load thread failed: " + e.getCause(), e.getCause());
                }
            }
            double seconds = (System.nanoTime() - startNanos[0]) / 1e9;
            Throwable t = failure.get();
            if (t instanceof BenchFailure bf) {
                throw bf;
            }
            if (t != null) {
                throw new BenchFailure(t.getClass().getSimpleName() + ": " + t.getMessage(), t);
            }
            long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            long ops = merged.length;
            double mean = ops == 0 ? 0 : Arrays.stream(merged).average().orElse(0) / 1e6;
            return new Result(threads, ops, seconds, mean, percentile(merged, 0.50), percentile(merged, 0.99));
        } finally {
            pool.shutdownNow();
            for (Worker w : workers) {
                try {
                    w.close();
                } catch (Exception ignored) {
                    // closing a client or connection
                }
            }
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }
}

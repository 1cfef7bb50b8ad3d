package io.aether.api.security.ratelimit;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the rows of buckets that have refilled to capacity, so the bucket table does not grow
 * with every address that ever tried to log in. Every node may sweep at once: Bucket4j's delete
 * skips rows another transaction holds.
 */
public class ExpiredBucketSweeper implements AutoCloseable {
    static final Duration INTERVAL = Duration.ofMinutes(10);
    static final int BATCH_SIZE = 1_000;
    /** Bounds one sweep, so a flood of addresses cannot keep the sweeper busy for long. */
    static final int MAX_BATCHES_PER_SWEEP = 100;

    private static final Logger log = LoggerFactory.getLogger(ExpiredBucketSweeper.class);

    private final AuthRateLimiter limiter;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "auth-rate-limit-sweeper");
        thread.setDaemon(true);
        return thread;
    });

    public ExpiredBucketSweeper(AuthRateLimiter limiter) {
        this.limiter = limiter;
    }

    public void start() {
        timer.scheduleWithFixedDelay(this::sweep, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Removes expired buckets batch by batch; returns how many went. */
    int sweep() {
        int removed = 0;
        try {
            for (int batch = 0; batch < MAX_BATCHES_PER_SWEEP; batch++) {
                int n = limiter.removeExpired(BATCH_SIZE);
                removed += n;
                if (n < BATCH_SIZE) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            // The next sweep tries again; a failure here must not end the schedule.
            log.warn("Could not remove expired authentication rate-limit buckets: {}", e.toString());
        }
        return removed;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

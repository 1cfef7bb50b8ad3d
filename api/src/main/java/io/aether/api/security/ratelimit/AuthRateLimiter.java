package io.aether.api.security.ratelimit;

import io.aether.api.platform.config.AetherProperties;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token buckets per (action, client address), kept in PostgreSQL so that every node behind the
 * load balancer spends from the same bucket (DESIGN.md, Scale-out). Capacity is the configured
 * number of attempts, refilled greedily: one token comes back every period / attempts.
 */
public class AuthRateLimiter {
    /** The table of V4__rate_limit.sql. */
    static final String TABLE = "auth_rate_limit_bucket";

    private static final Logger log = LoggerFactory.getLogger(AuthRateLimiter.class);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final BucketConfiguration configuration;
    private final Map<RateLimitedAction, BucketConfiguration> ownConfigurations =
            new EnumMap<>(RateLimitedAction.class);

    public AuthRateLimiter(DataSource dataSource, AetherProperties.RateLimit settings) {
        this(dataSource, settings, Map.of());
    }

    /** {@code own}: the actions with limits of their own; every other action spends under {@code settings}. */
    public AuthRateLimiter(
            DataSource dataSource,
            AetherProperties.RateLimit settings,
            Map<RateLimitedAction, AetherProperties.RateLimit> own) {
        this.configuration = configuration(settings);
        own.forEach((action, limit) -> ownConfigurations.put(action, configuration(limit)));
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                // A bucket refilled to capacity is the same as no row at all, so its row may go then.
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
    }

    /**
     * Spends one attempt of the client's bucket for the action. When the bucket store cannot be
     * reached the attempt is let through: the credentials are still checked, and an outage of the
     * limiter must not turn every login into a 500.
     */
    public Decision tryConsume(RateLimitedAction action, String client) {
        try {
            ConsumptionProbe probe = buckets.builder()
                    .build(key(action, client), () -> ownConfigurations.getOrDefault(action, configuration))
                    .tryConsumeAndReturnRemaining(1);
            return probe.isConsumed()
                    ? Decision.ALLOWED
                    : Decision.refused(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        } catch (BucketExceptions.BucketExecutionException e) {
            // Cause type and SQL state only: a server message may quote the bucket key (a client address).
            log.warn("Authentication rate limit not applied, bucket store unavailable: {}", describe(e));
            return Decision.ALLOWED;
        }
    }

    /** Deletes at most batchSize rows of buckets that have refilled to capacity; returns how many went. */
    int removeExpired(int batchSize) {
        return buckets.removeExpired(batchSize);
    }

    private static String key(RateLimitedAction action, String client) {
        return action.name() + "/" + client;
    }

    private static BucketConfiguration configuration(AetherProperties.RateLimit settings) {
        if (settings.attempts() < 1) {
            throw new IllegalArgumentException("rate limit attempts must be at least 1 (aether.security.*rate-limit)");
        }
        if (settings.period() == null
                || settings.period().isNegative()
                || settings.period().isZero()) {
            throw new IllegalArgumentException("rate limit period must be positive (aether.security.*rate-limit)");
        }
        // A stored bucket keeps the configuration it was created with until it refills and its row
        // expires, so changed settings reach a client at most one period later.
        return BucketConfiguration.builder()
                .addLimit(limit ->
                        limit.capacity(settings.attempts()).refillGreedy(settings.attempts(), settings.period()))
                .build();
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        String sqlState = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (sqlState == null && cause instanceof SQLException sql) {
                sqlState = sql.getSQLState();
            }
            root = cause;
        }
        return root.getClass().getName() + (sqlState == null ? "" : " (SQL state " + sqlState + ")");
    }

    /** The limiter's answer: allowed, or refused until retryAfter has passed. */
    public record Decision(boolean allowed, Duration retryAfter) {
        static final Decision ALLOWED = new Decision(true, Duration.ZERO);

        static Decision refused(Duration retryAfter) {
            return new Decision(false, retryAfter);
        }

        /** retryAfter in whole seconds for the Retry-After header: rounded up, at least 1. */
        public long retryAfterSeconds() {
            return Math.max(1, retryAfter.plusNanos(999_999_999).getSeconds());
        }
    }
}

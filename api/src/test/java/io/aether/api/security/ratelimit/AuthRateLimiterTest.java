package io.aether.api.security.ratelimit;

import static io.aether.api.security.ratelimit.RateLimitedAction.LOGIN;
import static io.aether.api.security.ratelimit.RateLimitedAction.PASSKEY_VERIFY;
import static io.aether.api.security.ratelimit.RateLimitedAction.SETUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aether.api.platform.config.AetherProperties;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The limiter on a real PostgreSQL, in a schema of its own. */
class AuthRateLimiterTest {
    private static final String CLIENT = "192.0.2.10";
    private static RateLimitTestDatabase database;

    @BeforeAll
    static void createSchema() {
        database = new RateLimitTestDatabase();
    }

    @AfterAll
    static void dropSchema() {
        database.close();
    }

    @BeforeEach
    void emptyTable() {
        database.clear();
    }

    @Test
    void allowsTheConfiguredAttemptsThenRefusesWithAPositiveWait() {
        AuthRateLimiter limiter = limiter(3, Duration.ofHours(1));

        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryConsume(LOGIN, CLIENT).allowed())
                    .as("attempt %d", i + 1)
                    .isTrue();
        }
        AuthRateLimiter.Decision refused = limiter.tryConsume(LOGIN, CLIENT);

        assertThat(refused.allowed()).isFalse();
        // One attempt comes back every period / attempts.
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(20));
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 20 * 60L);
        assertThat(database.rowCount()).isEqualTo(1);
    }

    @Test
    void clientsHaveSeparateBuckets() {
        AuthRateLimiter limiter = limiter(1, Duration.ofHours(1));
        assertThat(limiter.tryConsume(LOGIN, CLIENT).allowed()).isTrue();
        assertThat(limiter.tryConsume(LOGIN, CLIENT).allowed()).isFalse();

        assertThat(limiter.tryConsume(LOGIN, "192.0.2.11").allowed()).isTrue();
        assertThat(limiter.tryConsume(LOGIN, "2001:db8::1").allowed()).isTrue();
        assertThat(limiter.tryConsume(LOGIN, CLIENT).allowed()).isFalse();
    }

    @Test
    void actionsHaveSeparateBuckets() {
        AuthRateLimiter limiter = limiter(1, Duration.ofHours(1));
        assertThat(limiter.tryConsume(LOGIN, CLIENT).allowed()).isTrue();
        assertThat(limiter.tryConsume(LOGIN, CLIENT).allowed()).isFalse();

        assertThat(limiter.tryConsume(SETUP, CLIENT).allowed()).isTrue();
        assertThat(limiter.tryConsume(PASSKEY_VERIFY, CLIENT).allowed()).isTrue();
        assertThat(limiter.tryConsume(SETUP, CLIENT).allowed()).isFalse();
    }

    @Test
    void anActionWithALimitOfItsOwnSpendsUnderIt() {
        AuthRateLimiter limiter = new AuthRateLimiter(
                database.dataSource(),
                new AetherProperties.RateLimit(1, Duration.ofHours(1)),
                Map.of(RateLimitedAction.WEBHOOK, new AetherProperties.RateLimit(3, Duration.ofHours(1))));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryConsume(RateLimitedAction.WEBHOOK, CLIENT).allowed())
                    .as("webhook call %d", i + 1)
                    .isTrue();
        }
        assertThat(limiter.tryConsume(RateLimitedAction.WEBHOOK, CLIENT).allowed())
                .isFalse();
        assertThat(limiter.tryConsume(LOGIN, CLIENT).allowed()).isTrue();
        assertThat(limiter.tryConsume(LOGIN, CLIENT).allowed())
                .as("the other actions keep the shared limit")
                .isFalse();
    }

    @Test
    void anAttemptComesBackOnceTheAnnouncedWaitHasPassed() {
        AuthRateLimiter limiter = limiter(2, Duration.ofSeconds(2));
        limiter.tryConsume(LOGIN, CLIENT);
        limiter.tryConsume(LOGIN, CLIENT);
        AuthRateLimiter.Decision refused = limiter.tryConsume(LOGIN, CLIENT);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));

        // What a client told Retry-After would do: ask again once that wait is over. A refused
        // attempt spends nothing, so the polling does not change the bucket.
        Duration retryAfter = Duration.ofSeconds(refused.retryAfterSeconds());
        await().pollDelay(retryAfter)
                .pollInterval(Duration.ofMillis(50))
                .atMost(retryAfter.plusMillis(500))
                .until(() -> limiter.tryConsume(LOGIN, CLIENT).allowed());
        assertThat(limiter.tryConsume(LOGIN, CLIENT).allowed())
                .as("only one attempt came back")
                .isFalse();
    }

    @Test
    void aBucketRefilledToCapacityIsSweptAndStartsFullAgain() {
        AuthRateLimiter limiter = limiter(2, Duration.ofSeconds(1));
        limiter.tryConsume(LOGIN, CLIENT);
        limiter.tryConsume(LOGIN, CLIENT);
        assertThat(limiter.tryConsume(LOGIN, CLIENT).allowed()).isFalse();
        ExpiredBucketSweeper sweeper = new ExpiredBucketSweeper(limiter);
        assertThat(sweeper.sweep()).as("not refilled yet").isZero();

        // Bucket4j marks the row expired once the bucket has refilled to capacity.
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> sweeper.sweep() == 1);
        sweeper.close();

        assertThat(database.rowCount()).isZero();
        assertThat(limiter.tryConsume(LOGIN, CLIENT).allowed()).isTrue();
        assertThat(limiter.tryConsume(LOGIN, CLIENT).allowed()).isTrue();
        assertThat(limiter.tryConsume(LOGIN, CLIENT).allowed()).isFalse();
    }

    @Test
    void letsAttemptsThroughWhenTheDatabaseIsUnreachable() throws IOException {
        PGSimpleDataSource unreachable = new PGSimpleDataSource();
        unreachable.setServerNames(new String[] {"127.0.0.1"});
        unreachable.setPortNumbers(new int[] {closedPort()});
        unreachable.setDatabaseName("test");
        unreachable.setUser("postgres");
        AuthRateLimiter limiter =
                new AuthRateLimiter(unreachable, new AetherProperties.RateLimit(1, Duration.ofHours(1)));

        assertThat(limiter.tryConsume(LOGIN, CLIENT).allowed()).isTrue();
        assertThat(limiter.tryConsume(LOGIN, CLIENT).allowed()).isTrue();
    }

    @Test
    void roundsTheWaitUpToWholeSecondsOfAtLeastOne() {
        assertThat(new AuthRateLimiter.Decision(false, Duration.ofMillis(1)).retryAfterSeconds())
                .isEqualTo(1);
        assertThat(new AuthRateLimiter.Decision(false, Duration.ZERO).retryAfterSeconds())
                .isEqualTo(1);
        assertThat(new AuthRateLimiter.Decision(false, Duration.ofSeconds(6)).retryAfterSeconds())
                .isEqualTo(6);
        assertThat(new AuthRateLimiter.Decision(false, Duration.ofMillis(6_001)).retryAfterSeconds())
                .isEqualTo(7);
    }

    private static AuthRateLimiter limiter(int attempts, Duration period) {
        return new AuthRateLimiter(database.dataSource(), new AetherProperties.RateLimit(attempts, period));
    }

    /** A port nothing listens on: one the system just handed out and got back. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

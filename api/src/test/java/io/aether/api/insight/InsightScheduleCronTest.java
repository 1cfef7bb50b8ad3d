package io.aether.api.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The instants a cron tick covers: from one interval before the last successful tick, at most an hour back. */
class InsightScheduleCronTest {
    private static final Duration TICK = Duration.ofMinutes(1);
    private static final Instant NOW = Instant.parse("2026-12-02T02:00:30Z");

    @Test
    void theFirstTickLooksOneIntervalBack() {
        InsightScheduleCron.Window window = InsightScheduleCron.window(execution(null), TICK, NOW);
        assertThat(window.after()).isEqualTo(NOW.minus(TICK));
        assertThat(window.upTo()).isEqualTo(NOW);
    }

    @Test
    void laterTicksOverlapTheLastOneByAnInterval() {
        Instant last = NOW.minusSeconds(70);
        assertThat(InsightScheduleCron.window(execution(last), TICK, NOW).after())
                .isEqualTo(last.minus(TICK));
    }

    @Test
    void afterALongStopMissedFiringsAreNotCaughtUpBeyondAnHour() {
        Instant last = NOW.minus(Duration.ofDays(2));
        assertThat(InsightScheduleCron.window(execution(last), TICK, NOW).after())
                .isEqualTo(NOW.minus(InsightScheduleCron.MAX_LOOKBACK));
    }

    private static Execution execution(Instant lastSuccess) {
        return new Execution(
                NOW,
                new TaskInstance<>(InsightScheduleCron.TASK, "recurring"),
                false,
                null,
                lastSuccess,
                null,
                0,
                null,
                1L);
    }
}

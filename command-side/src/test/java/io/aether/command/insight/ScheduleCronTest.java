package io.aether.command.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aether.domain.ErrorKind;
import io.aether.domain.insight.schedule.InvalidScheduleException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which cron schedules a tick runs: the expression fired in the tick's window, since creation and the last run. */
class ScheduleCronTest {
    private static final Instant T0 = Instant.parse("2026-12-02T01:59:30Z");
    private static final Instant T1 = Instant.parse("2026-12-02T02:00:30Z");
    private static final Instant LONG_AGO = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aScheduleIsDueWhenItsExpressionFiredInTheWindow() {
        assertThat(ScheduleCron.due("0 2 * * *", LONG_AGO, null, T0, T1)).isTrue();
        assertThat(ScheduleCron.due("0 3 * * *", LONG_AGO, null, T0, T1)).isFalse();
        assertThat(ScheduleCron.due("*/5 * * * *", LONG_AGO, null, T0, T1)).isTrue();
        assertThat(ScheduleCron.due("1-59 * * * *", LONG_AGO, null, T0, T1)).isFalse();
    }

    @Test
    void theWindowIsOpenAtTheStartAndClosedAtTheEnd() {
        Instant two = Instant.parse("2026-12-02T02:00:00Z");
        assertThat(ScheduleCron.due("0 2 * * *", LONG_AGO, null, two, T1)).isFalse();
        assertThat(ScheduleCron.due("0 2 * * *", LONG_AGO, null, T0, two)).isTrue();
        assertThat(ScheduleCron.due("0 2 * * *", LONG_AGO, null, T1, T0)).isFalse();
    }

    @Test
    void aRunSinceTheFiringOrACreationAfterItMeansNotDue() {
        Instant afterFiring = Instant.parse("2026-12-02T02:00:05Z");
        Instant beforeFiring = Instant.parse("2026-12-02T01:59:50Z");
        assertThat(ScheduleCron.due("0 2 * * *", LONG_AGO, afterFiring, T0, T1))
                .as("an overlapping tick does not run it twice")
                .isFalse();
        assertThat(ScheduleCron.due("0 2 * * *", LONG_AGO, beforeFiring, T0, T1))
                .isTrue();
        assertThat(ScheduleCron.due("0 2 * * *", afterFiring, null, T0, T1))
                .as("created after the firing")
                .isFalse();
    }

    @Test
    void onlyValidFiveFieldExpressionsParse() {
        assertThat(ScheduleCron.parse("0 2 * * 1-5")).isNotNull();
        assertThat(ScheduleCron.parse(" 15  */2 * * * ")).isNotNull();
        for (String bad : new String[] {"0 0 2 * * *", "* * * *", "61 * * * *", "x y z a b", "", null}) {
            assertThatThrownBy(() -> ScheduleCron.parse(bad))
                    .as(String.valueOf(bad))
                    .isInstanceOfSatisfying(
                            InvalidScheduleException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_REQUEST));
        }
    }
}

package io.aether.api.insight;

import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.aether.command.insight.ScheduleCron;
import io.aether.domain.actor.Actor;
import io.aether.domain.insight.schedule.RunTrigger;
import io.aether.domain.insight.schedule.ScheduleTrigger;
import io.aether.domain.insight.schedule.query.InsightScheduleList;
import io.aether.domain.insight.schedule.query.InsightScheduleView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the cron schedules: one recurring task of the PostgreSQL scheduler (a single row, so each
 * tick executes on one node only), every {@code aether.insights.schedule-tick}. A tick covers
 * {@code (last successful tick - one interval, now]}, at most {@link #MAX_LOOKBACK} back (after a
 * longer stop, missed firings are not caught up), and runs each enabled cron schedule whose
 * expression fired in it since its last run ({@link ScheduleCron#due}), as {@code system}.
 * With no cron schedules a tick is one query of an empty page.
 */
@Configuration(proxyBeanMethods = false)
class InsightScheduleCron {
    static final String TASK = "insight-schedule-cron";
    static final Duration MAX_LOOKBACK = Duration.ofHours(1);
    private static final int PAGE = 500;
    private static final Logger log = LoggerFactory.getLogger(InsightScheduleCron.class);

    @Bean
    RecurringTask<Void> insightScheduleCronTask(
            InsightScheduleService schedules, @Value("${aether.insights.schedule-tick:1m}") Duration tick) {
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("aether.insights.schedule-tick must be positive; got " + tick);
        }
        Clock clock = Clock.systemUTC();
        return Tasks.recurring(TASK, FixedDelay.of(tick))
                .execute((instance, context) ->
                        runDue(schedules, window(context.getExecution(), tick, clock.instant())));
    }

    /** The instants a tick covers. */
    record Window(Instant after, Instant upTo) {}

    static Window window(Execution execution, Duration tick, Instant now) {
        Instant after = execution.lastSuccess == null ? now.minus(tick) : execution.lastSuccess.minus(tick);
        Instant earliest = now.minus(MAX_LOOKBACK);
        return new Window(after.isBefore(earliest) ? earliest : after, now);
    }

    /** Runs the due schedules of the window; answers how many runs started. */
    static int runDue(InsightScheduleService schedules, Window window) {
        int started = 0;
        int offset = 0;
        while (true) {
            InsightScheduleList page = schedules.list(ScheduleTrigger.CRON, true, PAGE, offset);
            for (InsightScheduleView schedule : page.items()) {
                if (ScheduleCron.due(
                        schedule.settings().cronExpression(),
                        schedule.createdAt(),
                        schedule.lastRunAt(),
                        window.after(),
                        window.upTo())) {
                    started += run(schedules, schedule) ? 1 : 0;
                }
            }
            if (page.items().size() < PAGE) {
                return started;
            }
            offset += PAGE;
        }
    }

    private static boolean run(InsightScheduleService schedules, InsightScheduleView schedule) {
        try {
            Optional<UUID> job = schedules.run(schedule.id(), RunTrigger.CRON, Actor.system());
            job.ifPresent(id -> log.info("insight schedule {} ran by cron as job {}", schedule.id(), id));
            return job.isPresent();
        } catch (RuntimeException e) {
            // One schedule that cannot run (its analysis type is not built yet) must not stop the others.
            log.warn("insight schedule {} could not run by cron: {}", schedule.id(), e.getMessage());
            return false;
        }
    }
}

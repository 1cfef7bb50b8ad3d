package io.aether.api.trace;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Deletes spans older than {@code aether.traces.retention}: a recurring task of the PostgreSQL
 * scheduler (one row, so one node per run) every {@code aether.traces.retention-check}.
 */
@Configuration(proxyBeanMethods = false)
public class SpanRetention {
    static final String TASK = "trace-retention";
    private static final Logger log = LoggerFactory.getLogger(SpanRetention.class);

    @Bean
    RecurringTask<Void> traceRetentionTask(SpanStore store, TraceProperties properties) {
        Clock clock = Clock.systemUTC();
        return Tasks.recurring(TASK, FixedDelay.of(properties.retentionCheck()))
                .execute((instance, context) -> purge(store, properties.retention(), clock.instant()));
    }

    /** Deletes the spans that started more than {@code retention} before {@code now}; answers how many. */
    public static int purge(SpanStore store, Duration retention, Instant now) {
        int deleted = store.deleteStartedBefore(now.minus(retention));
        if (deleted > 0) {
            log.info("trace retention deleted {} spans older than {}", deleted, retention);
        }
        return deleted;
    }
}

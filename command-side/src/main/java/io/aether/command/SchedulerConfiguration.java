package io.aether.command;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.config.SpringAxonConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * The one scheduler for timed work: db-scheduler on PostgreSQL (table {@code scheduled_tasks},
 * migration V10). A scheduled execution is a row, so it survives restarts, and a node claims a due
 * row with {@code SELECT ... FOR UPDATE SKIP LOCKED}, so it runs on one node only. Axon's
 * {@link DbSchedulerDeadlineManager} runs on it: aggregates schedule deadlines that commit (or roll
 * back) with their events, because the scheduler writes through the transaction of the current
 * unit of work. Every {@link Task} bean in the context runs on it too: a later domain adds
 * recurring work (insight schedules, nightly jobs) by declaring a task bean, e.g.
 * {@code Tasks.recurring("nightly-report", Schedules.cron("0 0 3 * * *")).execute(...)}.
 */
@Configuration(proxyBeanMethods = false)
public class SchedulerConfiguration {
    private static final Logger log = LoggerFactory.getLogger(SchedulerConfiguration.class);

    /** Executions in flight get this long to finish when the server stops. */
    static final Duration SHUTDOWN_MAX_WAIT = Duration.ofSeconds(5);

    @Bean
    Scheduler scheduler(
            DataSource dataSource,
            List<Task<?>> tasks,
            @Value("${aether.scheduler.polling-interval:10s}") Duration pollingInterval,
            @Value("${aether.scheduler.threads:2}") int threads) {
        // The proxy hands db-scheduler the connection of the transaction in progress, if any.
        // A recurring task runs only once it is started (its first execution is scheduled at
        // start-up); startTasks registers it, so the other tasks are passed apart.
        List<RecurringTask<?>> recurring = tasks.stream()
                .filter(RecurringTask.class::isInstance)
                .<RecurringTask<?>>map(task -> (RecurringTask<?>) task)
                .toList();
        List<Task<?>> others = tasks.stream()
                .filter(task -> !(task instanceof RecurringTask<?>))
                .toList();
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), others)
                .startTasks(recurring)
                .tableName("scheduled_tasks")
                .threads(threads)
                .pollingInterval(pollingInterval)
                .pollUsingLockAndFetch(0.5, 1.0)
                // A node that dies mid-execution is noticed after 4 missed heartbeats and its
                // execution is run again elsewhere (deadline handlers are idempotent).
                .heartbeatInterval(Duration.ofSeconds(30))
                .missedHeartbeatsLimit(4)
                .shutdownMaxWait(SHUTDOWN_MAX_WAIT)
                .build();
    }

    /** Axon's deadlines (aggregate {@code @DeadlineHandler}s) as rows of the scheduler. */
    @Bean
    DbSchedulerDeadlineManager deadlineManager(
            Scheduler scheduler,
            org.axonframework.config.Configuration axonConfiguration,
            @Qualifier("eventSerializer") Serializer serializer,
            TransactionManager transactionManager,
            DeadlineManagerSpanFactory spanFactory) {
        return DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axonConfiguration))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .spanFactory(spanFactory)
                // Started and stopped by schedulerLifecycle, with all other scheduled work.
                .startScheduler(false)
                .stopScheduler(false)
                .build();
    }

    /** The task that executes Axon's deadlines (the qualifier replaces Axon's own auto-configured one). */
    @Bean
    @Qualifier("deadlineDetailsTask")
    Task<DbSchedulerBinaryDeadlineDetails> deadlineDetailsTask(ObjectProvider<DbSchedulerDeadlineManager> manager) {
        return DbSchedulerDeadlineManager.binaryTask(manager::getObject);
    }

    /**
     * Starts the scheduler after Axon (a due deadline needs the aggregate repositories and the
     * command bus) and stops it before Axon, so an execution in flight finishes while the pool
     * and the embedded PostgreSQL are still up (both close after every lifecycle bean stopped).
     */
    @Bean
    SmartLifecycle schedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
                log.debug("scheduler started");
            }

            @Override
            public void stop() {
                running = false;
                scheduler.stop();
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return SpringAxonConfiguration.LIFECYCLE_PHASE + 1;
            }
        };
    }
}

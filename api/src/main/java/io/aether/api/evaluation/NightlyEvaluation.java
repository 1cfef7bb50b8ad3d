package io.aether.api.evaluation;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.aether.domain.actor.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The nightly evaluation: a recurring task of the PostgreSQL scheduler (one row, so one node per
 * run) that evaluates the newest {@code aether.evaluations.nightly-max-traces} traces as
 * {@code system}, at {@code aether.evaluations.nightly-cron} (03:15 server time by default).
 */
@Configuration(proxyBeanMethods = false)
class NightlyEvaluation {
    static final String TASK = "nightly-evaluation";
    private static final Logger log = LoggerFactory.getLogger(NightlyEvaluation.class);

    @Bean
    RecurringTask<Void> nightlyEvaluationTask(
            EvaluationService evaluations,
            @Value("${aether.evaluations.nightly-cron:0 15 3 * * *}") String cron,
            @Value("${aether.evaluations.nightly-max-traces:100}") int maxTraces) {
        if (maxTraces < 1 || maxTraces > 500) {
            throw new IllegalArgumentException("aether.evaluations.nightly-max-traces must be 1-500; got " + maxTraces);
        }
        return Tasks.recurring(TASK, Schedules.cron(cron))
                .execute((instance, context) -> evaluations
                        .run(maxTraces, Actor.system())
                        .ifPresentOrElse(
                                job -> log.info(
                                        "nightly evaluation started job {} over {} traces",
                                        job.jobId(),
                                        job.traceIds().size()),
                                () -> log.info("nightly evaluation: no stored traces")));
    }
}

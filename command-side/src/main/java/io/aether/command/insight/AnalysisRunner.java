package io.aether.command.insight;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The bounded executor the analysis and optimization jobs run on, off their event processors'
 * threads: a job over weeks of a large home's history takes longer than an event handler may
 * (Axon interrupts a handler after its timeout), and must not hold up the processor. Each job runs
 * in a unit of work of the event that requested it, with the application's correlation data
 * providers, so the commands it sends carry that event's correlation id and causation like any
 * process manager's. A full queue refuses the job at once; a job lost with its node is failed by
 * the analysis deadline.
 */
@Component
public class AnalysisRunner implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(AnalysisRunner.class);

    private final Configuration axon;
    private final ThreadPoolExecutor executor;
    private final int queue;

    public AnalysisRunner(
            @Lazy Configuration axon,
            @Value("${aether.insights.analysis-threads:1}") int threads,
            @Value("${aether.insights.analysis-queue:16}") int queue) {
        if (threads < 1 || queue < 1) {
            throw new IllegalArgumentException("aether.insights.analysis-threads and -queue must be at least 1");
        }
        this.axon = axon;
        this.queue = queue;
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(
                threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queue), r -> {
                    Thread thread = new Thread(r, "analysis-" + n.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Queues the job of {@code cause}; false when as many jobs as the queue holds are waiting. */
    public boolean submit(EventMessage<?> cause, Runnable job) {
        try {
            executor.execute(() -> run(cause, job));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Why a job was refused, for its failure. */
    String busy() {
        return "this node is already running or queuing " + queue + " analyses; try again later";
    }

    private void run(EventMessage<?> cause, Runnable job) {
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(cause);
        axon.correlationDataProviders().forEach(unitOfWork::registerCorrelationDataProvider);
        try {
            job.run();
            unitOfWork.commit();
        } catch (RuntimeException | Error e) {
            log.warn(
                    "analysis job for {} ended abnormally: {}",
                    cause.getPayloadType().getSimpleName(),
                    e.toString());
            unitOfWork.rollback(e);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}

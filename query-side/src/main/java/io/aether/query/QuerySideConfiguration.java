package io.aether.query;

import io.aether.query.projection.ProjectionBatch;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The query side wires its own projections: their processor settings (query-side.properties,
 * overridable like any Spring property) and their error handling. Its migrations live under
 * db/migration/query. The application lists none of this.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:query-side.properties")
public class QuerySideConfiguration {

    /**
     * A failing projection handler must not skip its event (Axon's default logs and moves on):
     * the error propagates, the segment is released and retried with back-off, and /status
     * shows the processor in error until it recovers.
     */
    @Bean
    ConfigurerModule projectionsRetryFailedEvents() {
        return configurer -> configurer.eventProcessing(processing -> Projections.NAMES.forEach(group ->
                processing.registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance())));
    }

    /**
     * Marks each projection batch ({@link Projections#handlingBatch}) and plans every statement of
     * its transaction for its own parameters. A read-model table starts empty (first start, or the
     * TRUNCATE of a rebuild), and the driver turns a statement run five times into a server-side
     * prepared statement, whose generic plan PostgreSQL then keeps: a sequential scan chosen for an
     * empty table stayed the plan of the per-batch row lookup while the table grew, and a
     * 100,000-event rebuild spent most of its time scanning (docs/benchmarks.md, run H).
     * {@code SET LOCAL} ends with the transaction, so pooled connections are untouched; it costs one
     * round trip per batch.
     */
    @Bean
    ConfigurerModule projectionBatches(ObjectProvider<JdbcTemplate> jdbc) {
        MessageHandlerInterceptor<EventMessage<?>> batchStart = (unitOfWork, chain) -> {
            unitOfWork.root().getOrComputeResource(Projections.BATCH_RESOURCE, k -> {
                jdbc.getObject().execute(ProjectionBatch.PLAN_EACH_STATEMENT);
                return Boolean.TRUE;
            });
            return chain.proceed();
        };
        return configurer -> configurer.eventProcessing(processing ->
                Projections.NAMES.forEach(group -> processing.registerHandlerInterceptor(group, c -> batchStart)));
    }

    /**
     * No per-event message monitors on projections: Axon's Micrometer timers and counters took
     * about a seventh of a projection's CPU per event in a rebuild (docs/benchmarks.md, run H).
     * Projections are watched through the {@code aether.event_processor.lag} gauge and
     * {@code GET /projections}; the command bus, event store and process managers keep theirs.
     */
    @Bean
    ConfigurerModule projectionsWithoutMessageMonitors() {
        return configurer -> Projections.NAMES.forEach(name -> configurer.configureMessageMonitor(
                EventProcessor.class, name, (c, type, n) -> NoOpMessageMonitor.INSTANCE));
    }
}

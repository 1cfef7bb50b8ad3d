package io.aether.query;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
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
     * Every statement of a projection's batch transaction is planned for its own parameters.
     * A read-model table starts empty (first start, or the TRUNCATE of a rebuild), and the
     * driver turns a statement run five times into a server-side prepared statement, whose
     * generic plan PostgreSQL then keeps: a sequential scan chosen for an empty table stayed the
     * plan of the per-batch row lookup while the table grew, and a 100,000-event rebuild spent
     * most of its time scanning (docs/benchmarks.md, run H). {@code SET LOCAL} ends with the
     * transaction, so pooled connections are untouched; it costs one round trip per batch.
     */
    @Bean
    ConfigurerModule projectionsPlanEachStatement(ObjectProvider<JdbcTemplate> jdbc) {
        String planned = QuerySideConfiguration.class.getName() + ".customPlans";
        MessageHandlerInterceptor<EventMessage<?>> customPlans = (unitOfWork, chain) -> {
            unitOfWork.root().getOrComputeResource(planned, k -> {
                jdbc.getObject().execute("SET LOCAL plan_cache_mode = force_custom_plan");
                return Boolean.TRUE;
            });
            return chain.proceed();
        };
        return configurer -> configurer.eventProcessing(processing ->
                Projections.NAMES.forEach(group -> processing.registerHandlerInterceptor(group, c -> customPlans)));
    }
}

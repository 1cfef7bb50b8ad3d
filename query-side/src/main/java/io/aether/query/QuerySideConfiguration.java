package io.aether.query;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

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
}

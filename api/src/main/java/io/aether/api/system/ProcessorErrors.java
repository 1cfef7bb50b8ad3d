package io.aether.api.system;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Remembers each processor's last failed batch on this node for GET /admin/projections, then
 * propagates the failure as Axon's default does (the batch rolls back, the segment is retried
 * with back-off). Axon's own status forgets the error once the segment is released.
 */
@Configuration(proxyBeanMethods = false)
public class ProcessorErrors implements ErrorHandler {
    private final Map<String, SystemResponses.ProcessorError> last = new ConcurrentHashMap<>();

    @Bean
    ConfigurerModule recordProcessorErrors() {
        return configurer ->
                configurer.eventProcessing(processing -> processing.registerDefaultErrorHandler(c -> this));
    }

    @Override
    public void handleError(ErrorContext context) throws Exception {
        Throwable error = context.error();
        last.put(
                context.eventProcessor(),
                new SystemResponses.ProcessorError(
                        error.getClass().getSimpleName() + ": " + error.getMessage(), Instant.now()));
        PropagatingErrorHandler.INSTANCE.handleError(context);
    }

    Optional<SystemResponses.ProcessorError> last(String processor) {
        return Optional.ofNullable(last.get(processor));
    }
}

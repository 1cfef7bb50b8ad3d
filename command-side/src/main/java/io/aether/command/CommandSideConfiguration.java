package io.aether.command;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * The command side wires its own process managers: their processor settings
 * (command-side.properties, overridable like any Spring property) and their error handling.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:command-side.properties")
public class CommandSideConfiguration {

    /**
     * A failing process-manager handler must not skip its event: the error propagates, the
     * segment is released and retried with back-off, and /status shows the processor in error.
     */
    @Bean
    ConfigurerModule processesRetryFailedEvents() {
        return configurer -> configurer.eventProcessing(processing -> Processes.NAMES.forEach(group ->
                processing.registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance())));
    }
}

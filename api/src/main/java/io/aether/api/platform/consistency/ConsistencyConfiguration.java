package io.aether.api.platform.consistency;

import io.aether.api.platform.error.ApiException;
import io.aether.query.Projections;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wires read-your-writes: the command gateway that waits for the read models, the signal that
 * wakes waiters when a read model commits a batch, and the consistency token a client may send
 * on any request ({@value ReadConsistency#TOKEN_HEADER}).
 */
@Configuration(proxyBeanMethods = false)
public class ConsistencyConfiguration {

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ObjectProvider<ReadConsistency> consistency) {
        return new ConsistentCommandGateway(DefaultCommandGateway.builder().commandBus(commandBus), consistency);
    }

    @Bean
    ConfigurerModule readModelProgressSignal(ObjectProvider<ReadConsistency> consistency) {
        // Once per batch, at clean-up: after-commit handlers run in reverse order of registration,
        // so one registered here ran before the processor's own (registered before the batch),
        // which moves the processor's in-memory position. Waiters woken then saw the old position
        // and slept until their next re-check; clean-up comes after every after-commit handler.
        String signalled = ConsistencyConfiguration.class.getName() + ".signal";
        MessageHandlerInterceptor<EventMessage<?>> signal = (unitOfWork, chain) -> {
            UnitOfWork<?> batch = unitOfWork.root();
            batch.getOrComputeResource(signalled, k -> {
                batch.onCleanup(u -> consistency.getObject().signalProgress());
                return Boolean.TRUE;
            });
            return chain.proceed();
        };
        return configurer -> configurer.eventProcessing(processing ->
                Projections.NAMES.forEach(name -> processing.registerHandlerInterceptor(name, c -> signal)));
    }

    @Bean
    WebMvcConfigurer consistencyTokenOnRequests(ReadConsistency consistency) {
        HandlerInterceptor tokenInterceptor = new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String token = request.getHeader(ReadConsistency.TOKEN_HEADER);
                if (token != null) {
                    consistency.awaitForResponse(parse(token.trim()));
                }
                return true;
            }
        };
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(tokenInterceptor);
            }
        };
    }

    private static long parse(String token) {
        try {
            long position = Long.parseLong(token);
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest(
                ReadConsistency.TOKEN_HEADER + " must be a non-negative integer (a position from an earlier answer)");
    }
}

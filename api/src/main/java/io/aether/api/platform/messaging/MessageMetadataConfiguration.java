package io.aether.api.platform.messaging;

import io.aether.domain.actor.ActorRevisionUpcaster;
import io.aether.domain.messaging.MessageMetadata;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who and which request, on every message: the dispatch interceptor puts the request's
 * correlation id and principal on each command ({@link MessageMetadata}); the correlation data
 * providers copy them from a message to every message created while handling it (command to its
 * events, event to the commands a process manager sends, and on), and name the causing message.
 * Axon picks up beans of these types by themselves (InterceptorAutoConfiguration registers the
 * interceptor on the command gateway; InfraConfiguration the providers and the upcaster).
 */
@Configuration(proxyBeanMethods = false)
public class MessageMetadataConfiguration {

    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> commandMetadataInterceptor(CurrentActor actors) {
        return new CommandMetadataInterceptor(actors);
    }

    /** The request's correlation id and principal travel unchanged down the chain. */
    @Bean
    CorrelationDataProvider requestCorrelationProvider() {
        return new SimpleCorrelationDataProvider(
                MessageMetadata.CORRELATION_ID,
                MessageMetadata.ACTOR_TYPE,
                MessageMetadata.ACTOR_ID,
                MessageMetadata.ACTOR_NAME);
    }

    /** The message being handled is the cause of every message created meanwhile. */
    @Bean
    CorrelationDataProvider causationProvider() {
        return message -> Map.of(MessageMetadata.CAUSATION_ID, message.getIdentifier());
    }

    /**
     * Axon's default provider ({@code correlationId}, {@code traceId}); declaring providers of our
     * own turns the auto-configured one off, so it is declared here again.
     */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /** Revision-1 events stored an actor as a string; they are read back as revision 2. */
    @Bean
    EventUpcaster actorRevisionUpcaster() {
        return new ActorRevisionUpcaster();
    }
}

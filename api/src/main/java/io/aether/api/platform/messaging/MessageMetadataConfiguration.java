package io.aether.api.platform.messaging;

import io.aether.domain.actor.ActorRevisionUpcaster;
import io.aether.domain.messaging.MessageMetadata;
import io.aether.query.Projections;
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
        return outsideProjections(new SimpleCorrelationDataProvider(
                MessageMetadata.CORRELATION_ID,
                MessageMetadata.ACTOR_TYPE,
                MessageMetadata.ACTOR_ID,
                MessageMetadata.ACTOR_NAME));
    }

    /** The message being handled is the cause of every message created meanwhile. */
    @Bean
    CorrelationDataProvider causationProvider() {
        return outsideProjections(message -> Map.of(MessageMetadata.CAUSATION_ID, message.getIdentifier()));
    }

    /**
     * Axon's default provider ({@code correlationId}, {@code traceId}); declaring providers of our
     * own turns the auto-configured one off, so it is declared here again.
     */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return outsideProjections(new MessageOriginProvider());
    }

    /**
     * A projection creates no message that is kept, yet Axon asks the providers for every event it
     * handles (for the handler's discarded result message), which read and parse the event's
     * metadata: about a seventh of a projection's CPU in a rebuild. Inside a projection batch the
     * providers answer nothing.
     */
    private static CorrelationDataProvider outsideProjections(CorrelationDataProvider provider) {
        return message -> Projections.handlingBatch() ? Map.of() : provider.correlationDataFor(message);
    }

    /** Revision-1 events stored an actor as a string; they are read back as revision 2. */
    @Bean
    EventUpcaster actorRevisionUpcaster() {
        return new ActorRevisionUpcaster();
    }
}

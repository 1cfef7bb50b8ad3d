package io.aether.api.platform.messaging;

import io.aether.api.platform.web.CorrelationIdFilter;
import io.aether.domain.messaging.MessageMetadata;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.slf4j.MDC;

/**
 * Stamps every command sent through the command gateway with the request's correlation id and
 * principal, unless the command already carries them: a command a process manager sends while
 * handling an event has them copied from that event by the correlation data providers. A command
 * sent outside any request gets a new correlation id and no actor metadata.
 */
final class CommandMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {
    private final CurrentActor actors;

    CommandMetadataInterceptor(CurrentActor actors) {
        this.actors = actors;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> added = new HashMap<>();
            if (!command.getMetaData().containsKey(MessageMetadata.CORRELATION_ID)) {
                String requestId = MDC.get(CorrelationIdFilter.MDC_KEY);
                added.put(
                        MessageMetadata.CORRELATION_ID,
                        requestId != null ? requestId : UUID.randomUUID().toString());
            }
            if (!command.getMetaData().containsKey(MessageMetadata.ACTOR_TYPE)) {
                actors.current().ifPresent(actor -> added.putAll(MessageMetadata.of(actor)));
            }
            return added.isEmpty() ? command : command.andMetaData(added);
        };
    }
}

package io.aether.api.platform.consistency;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Axon's command gateway, except that {@code sendAndWait} returns only once the read models
 * that handle the events the command stored have processed them (bounded by
 * {@code aether.consistency.wait-timeout}):
 * a client that gets the answer and then lists sees its change. The response carries the
 * position ({@value ReadConsistency#TOKEN_HEADER}) and says when the wait timed out. The wait
 * happens after the unit of work, so no aggregate lock or transaction is held meanwhile.
 */
public class ConsistentCommandGateway extends DefaultCommandGateway {
    private static final Logger log = LoggerFactory.getLogger(ConsistentCommandGateway.class);
    private final ObjectProvider<ReadConsistency> consistency;

    ConsistentCommandGateway(Builder builder, ObjectProvider<ReadConsistency> consistency) {
        super(builder);
        this.consistency = consistency;
    }

    @Override
    public <R> R sendAndWait(Object command) {
        R result = super.sendAndWait(command);
        awaitAppendedEvents();
        return result;
    }

    @Override
    public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
        R result = super.sendAndWait(command, timeout, unit);
        awaitAppendedEvents();
        return result;
    }

    private void awaitAppendedEvents() {
        List<AppendedEvents.Appended> appended = AppendedEvents.takeCommitted();
        if (appended.isEmpty()) {
            return;
        }
        List<String> ids =
                appended.stream().map(AppendedEvents.Appended::identifier).toList();
        Set<Class<?>> types =
                appended.stream().map(AppendedEvents.Appended::payloadType).collect(Collectors.toSet());
        ReadConsistency reads = consistency.getObject();
        try {
            reads.positionOf(ids).ifPresent(position -> reads.awaitForResponse(position, types));
        } catch (RuntimeException e) {
            // The command succeeded; a failed wait must not turn its answer into an error.
            log.warn("Could not wait for the read models after a command: {}", e.toString());
        }
    }
}

package io.aether.domain.messaging;

import io.aether.domain.actor.Actor;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The metadata keys every command and event carries (set by the API's dispatch interceptor and
 * copied from message to message by Axon's correlation data providers):
 * <ul>
 * <li>{@link #CORRELATION_ID}: the id of the request that started the chain ({@code X-Correlation-ID}),
 *     the same on every command and event the request caused, a process manager's included;</li>
 * <li>{@link #CAUSATION_ID}: the id of the message whose handling created this one (the command that
 *     recorded an event, the event a process manager reacted to);</li>
 * <li>{@link #ACTOR_TYPE}, {@link #ACTOR_ID}, {@link #ACTOR_NAME}: the principal of that request,
 *     as flat strings so that they survive any serializer.</li>
 * </ul>
 * Axon's own {@code traceId} (the first message of the chain) stays beside them.
 */
public final class MessageMetadata {
    public static final String CORRELATION_ID = "correlation_id";
    public static final String CAUSATION_ID = "causation_id";
    public static final String ACTOR_TYPE = "actor_type";
    public static final String ACTOR_ID = "actor_id";
    public static final String ACTOR_NAME = "actor_name";

    private MessageMetadata() {}

    /** The metadata entries naming this actor (null id left out). */
    public static Map<String, String> of(Actor actor) {
        Map<String, String> entries = new HashMap<>();
        entries.put(ACTOR_TYPE, actor.type().wire());
        if (actor.id() != null) {
            entries.put(ACTOR_ID, actor.id());
        }
        if (actor.name() != null) {
            entries.put(ACTOR_NAME, actor.name());
        }
        return entries;
    }

    /** The actor these metadata name, if any. */
    public static Optional<Actor> actorOf(Map<String, ?> metadata) {
        Object type = metadata.get(ACTOR_TYPE);
        if (type == null) {
            return Optional.empty();
        }
        return Optional.of(new Actor(
                Actor.Type.fromWire(type.toString()), text(metadata.get(ACTOR_ID)), text(metadata.get(ACTOR_NAME))));
    }

    /** A metadata value as text (null when absent). */
    public static String text(Object value) {
        return value == null ? null : value.toString();
    }
}

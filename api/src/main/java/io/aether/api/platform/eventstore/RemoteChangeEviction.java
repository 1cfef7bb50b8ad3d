package io.aether.api.platform.eventstore;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Keeps the aggregate caches true with several nodes: when an event arrives that another node
 * stored (it was not published here), the aggregate it belongs to is dropped from every
 * aggregate cache of this node, so the next command loads it with that change instead of
 * failing on a stale copy. A command that raced the arrival still loses safely (409).
 */
@Component
public class RemoteChangeEviction implements MessageDispatchInterceptor<EventMessage<?>> {
    private static final int PRUNE_ABOVE = 10_000;
    private static final long FORGET_AFTER_NANOS = TimeUnit.MINUTES.toNanos(1);

    /** Identifiers of events published on this node that have not arrived yet, with when. */
    private final Map<String, Long> publishedHere = new ConcurrentHashMap<>();

    private final List<Cache> caches;

    public RemoteChangeEviction(EventBus eventBus, EventArrivals arrivals, ObjectProvider<Cache> caches) {
        this.caches = caches.orderedStream().toList();
        eventBus.registerDispatchInterceptor(this);
        arrivals.subscribe(this::arrived);
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        long now = System.nanoTime();
        messages.forEach(message -> publishedHere.put(message.getIdentifier(), now));
        if (publishedHere.size() > PRUNE_ABOVE) {
            // Events of rolled-back units of work never arrive.
            publishedHere.values().removeIf(at -> now - at > FORGET_AFTER_NANOS);
        }
        return (index, message) -> message;
    }

    private void arrived(TrackedEventMessage<?> event) {
        if (publishedHere.remove(event.getIdentifier()) == null && event instanceof DomainEventMessage<?> domain) {
            caches.forEach(cache -> cache.remove(domain.getAggregateIdentifier()));
        }
    }
}

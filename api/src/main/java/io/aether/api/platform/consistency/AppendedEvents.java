package io.aether.api.platform.consistency;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Remembers, per HTTP request, the events that request's commands stored (identifier and payload
 * type): an
 * event-bus dispatch interceptor notes them while the command runs and hands them to the request
 * once the unit of work has committed (events of a rolled-back command are never noted). Work
 * outside a request (processors, schedulers) is not tracked.
 */
@Component
public class AppendedEvents implements MessageDispatchInterceptor<EventMessage<?>> {
    private static final String REQUEST_ATTRIBUTE = AppendedEvents.class.getName();
    private static final String UNIT_OF_WORK_RESOURCE = AppendedEvents.class.getName();

    public AppendedEvents(EventBus eventBus) {
        eventBus.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && !messages.isEmpty()) {
            List<Appended> ids = messages.stream()
                    .map(m -> new Appended(m.getIdentifier(), m.getPayloadType()))
                    .toList();
            if (CurrentUnitOfWork.isStarted()) {
                UnitOfWork<?> root = CurrentUnitOfWork.get().root();
                List<Appended> pending = root.getOrComputeResource(UNIT_OF_WORK_RESOURCE, key -> {
                    List<Appended> list = new ArrayList<>();
                    root.afterCommit(unitOfWork -> committed(request, list));
                    return list;
                });
                pending.addAll(ids);
            } else {
                committed(request, ids);
            }
        }
        return (index, message) -> message;
    }

    /** An event a request's command stored. */
    record Appended(String identifier, Class<?> payloadType) {}

    /** The events committed in the current request since the last call, then forgotten. */
    static List<Appended> takeCommitted() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return List.of();
        }
        synchronized (request) {
            @SuppressWarnings("unchecked")
            List<Appended> ids =
                    (List<Appended>) request.getAttribute(REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
            if (ids == null) {
                return List.of();
            }
            request.removeAttribute(REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
            return ids;
        }
    }

    private static void committed(RequestAttributes request, List<Appended> ids) {
        synchronized (request) {
            @SuppressWarnings("unchecked")
            List<Appended> all =
                    (List<Appended>) request.getAttribute(REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
            if (all == null) {
                all = new ArrayList<>();
                request.setAttribute(REQUEST_ATTRIBUTE, all, RequestAttributes.SCOPE_REQUEST);
            }
            all.addAll(ids);
        }
    }
}

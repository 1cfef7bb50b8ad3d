package io.aether.command.homeassistant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.aether.domain.actor.Actor;
import io.aether.domain.homeassistant.RecordServiceCallOutcome;
import io.aether.domain.homeassistant.RequestServiceCall;
import io.aether.domain.homeassistant.ServiceCallCompleted;
import io.aether.domain.homeassistant.ServiceCallRequested;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The audit record of one direct Home Assistant service call: who asked for which service with
 * which data (before it is made), then what HA answered. Two events, nothing else changes it.
 */
@Aggregate
public class ServiceCallAggregate {

    @AggregateIdentifier
    private UUID callId;

    private String domain;
    private String service;
    private Actor actor;
    private boolean completed;

    protected ServiceCallAggregate() {
        // for Axon
    }

    @CommandHandler
    public ServiceCallAggregate(RequestServiceCall command) {
        if (command.callId() == null || command.actor() == null) {
            throw new IllegalArgumentException("a service call needs its id and actor");
        }
        apply(new ServiceCallRequested(
                command.callId(), command.domain(), command.service(), command.data(), command.actor()));
    }

    @CommandHandler
    public void handle(RecordServiceCallOutcome command) {
        if (completed) {
            return; // recorded already
        }
        apply(new ServiceCallCompleted(callId, domain, service, command.success(), command.error(), actor));
    }

    @EventSourcingHandler
    void on(ServiceCallRequested event) {
        callId = event.callId();
        domain = event.domain();
        service = event.service();
        actor = event.actor();
    }

    @EventSourcingHandler
    void on(ServiceCallCompleted event) {
        completed = true;
    }
}

package io.aether.command.hitl;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.aether.domain.hitl.HitlEvent;
import io.aether.domain.hitl.NotificationActionReceived;
import io.aether.domain.hitl.NotificationSent;
import io.aether.domain.hitl.RecordNotificationAction;
import io.aether.domain.hitl.RecordNotificationSent;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One fact of the notification flow, recorded once: a notification sent or an action received.
 * There are no rules beyond "once": a second record under the same id is refused by the event
 * store (the notification process uses that to send each proposal's notification once).
 */
@Aggregate
public class HitlRecordAggregate {

    @AggregateIdentifier
    private UUID id;

    protected HitlRecordAggregate() {
        // for Axon
    }

    @CommandHandler
    public HitlRecordAggregate(RecordNotificationSent command) {
        apply(new NotificationSent(
                command.id(),
                command.kind(),
                command.targetId(),
                command.notifyService(),
                command.title(),
                command.message(),
                command.actions(),
                command.actor()));
    }

    @CommandHandler
    public HitlRecordAggregate(RecordNotificationAction command) {
        apply(new NotificationActionReceived(
                command.id(),
                command.decision(),
                command.kind(),
                command.targetId(),
                command.outcome(),
                command.detail(),
                command.actor()));
    }

    @EventSourcingHandler
    void on(HitlEvent event) {
        id = event.id();
    }
}

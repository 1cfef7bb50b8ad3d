package io.aether.command.hitl;

import io.aether.domain.actor.Actor;
import io.aether.domain.hitl.ActionIds;
import io.aether.domain.hitl.NotificationDecision;
import io.aether.domain.hitl.NotificationKind;
import io.aether.domain.hitl.RecordNotificationSent;
import io.aether.domain.insight.InsightCreated;
import io.aether.domain.insight.InsightImpact;
import io.aether.domain.proposal.ProposalCreated;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Pushes a notification that asks for a decision when a proposal is created (Approve / Reject) or
 * an insight is recorded (Dismiss), if {@link NotificationChannel#serviceNow} names a service, and
 * records it as {@code NotificationSent}. Each target's notification has an id derived from the
 * target, so a redelivered event finds it recorded and sends nothing; events older than
 * {@link #FRESH} (a replay, a new node catching up) send nothing either. A crash between the push
 * and the record can send one notification twice.
 */
@Component
@ProcessingGroup(HitlNotificationProcess.PROCESSING_GROUP)
public class HitlNotificationProcess {
    public static final String PROCESSING_GROUP = "hitl-notification";
    /** Older events are history, not news: nobody is waiting for their notification. */
    static final Duration FRESH = Duration.ofMinutes(15);

    private static final Logger log = LoggerFactory.getLogger(HitlNotificationProcess.class);

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final NotificationChannel channel;
    private final Clock clock = Clock.systemUTC();

    public HitlNotificationProcess(CommandGateway commands, EventStore eventStore, NotificationChannel channel) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.channel = channel;
    }

    @EventHandler
    public void on(ProposalCreated event, @Timestamp Instant at) {
        String id = event.proposalId().toString();
        String name = event.content().name();
        String description = event.content().description();
        notify(
                at,
                NotificationKind.PROPOSAL,
                id,
                null,
                "Aether: approve \"" + name + "\"?",
                description == null || description.isBlank() ? name : description,
                List.of(
                        new NotificationChannel.Button(ActionIds.of(NotificationDecision.APPROVE, id), "Approve"),
                        new NotificationChannel.Button(ActionIds.of(NotificationDecision.REJECT, id), "Reject")));
    }

    @EventHandler
    public void on(InsightCreated event, @Timestamp Instant at) {
        String id = event.insightId().toString();
        notify(
                at,
                NotificationKind.INSIGHT,
                id,
                event.content().impact(),
                "Aether insight (" + event.content().impact().wire() + "): "
                        + event.content().title(),
                event.content().description(),
                List.of(new NotificationChannel.Button(ActionIds.of(NotificationDecision.DISMISS, id), "Dismiss")));
    }

    /** The id of the notification about a target: the same on every delivery of its event. */
    static UUID notificationId(String targetId) {
        return UUID.nameUUIDFromBytes(("hitl-notification/" + targetId).getBytes(StandardCharsets.UTF_8));
    }

    private void notify(
            Instant at,
            NotificationKind kind,
            String targetId,
            InsightImpact impact,
            String title,
            String message,
            List<NotificationChannel.Button> buttons) {
        if (at.isBefore(clock.instant().minus(FRESH))) {
            return;
        }
        Optional<String> service = channel.serviceNow(impact);
        if (service.isEmpty()) {
            return;
        }
        UUID id = notificationId(targetId);
        if (eventStore.lastSequenceNumberFor(id.toString()).isPresent()) {
            log.debug("{} notification for {} already sent", kind.wire(), targetId);
            return;
        }
        try {
            channel.push(service.get(), title, message, buttons);
        } catch (RuntimeException e) {
            // A phone that cannot be reached must not stop the processor; the decision can still be made in the UI.
            log.warn("could not push the {} notification for {}: {}", kind.wire(), targetId, e.getMessage());
            return;
        }
        try {
            commands.sendAndWait(new RecordNotificationSent(
                    id,
                    kind,
                    targetId,
                    service.get(),
                    title,
                    message,
                    buttons.stream().map(NotificationChannel.Button::action).toList(),
                    Actor.system()));
        } catch (AggregateStreamCreationException e) {
            log.debug("{} notification for {} recorded meanwhile", kind.wire(), targetId);
        }
    }
}

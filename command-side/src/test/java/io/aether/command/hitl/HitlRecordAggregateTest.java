package io.aether.command.hitl;

import io.aether.domain.actor.Actor;
import io.aether.domain.hitl.ActionOutcome;
import io.aether.domain.hitl.NotificationActionReceived;
import io.aether.domain.hitl.NotificationDecision;
import io.aether.domain.hitl.NotificationKind;
import io.aether.domain.hitl.NotificationSent;
import io.aether.domain.hitl.RecordNotificationAction;
import io.aether.domain.hitl.RecordNotificationSent;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each notification fact is recorded once, as given. */
class HitlRecordAggregateTest {
    private static final UUID ID = UUID.randomUUID();
    private static final String TARGET = UUID.randomUUID().toString();

    private AggregateTestFixture<HitlRecordAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(HitlRecordAggregate.class);
    }

    @Test
    void aSentNotificationIsRecorded() {
        List<String> actions = List.of("APPROVE_" + TARGET, "REJECT_" + TARGET);
        fixture.givenNoPriorActivity()
                .when(new RecordNotificationSent(
                        ID,
                        NotificationKind.PROPOSAL,
                        TARGET,
                        "notify.mobile_app_x",
                        "t",
                        "m",
                        actions,
                        Actor.system()))
                .expectEvents(new NotificationSent(
                        ID,
                        NotificationKind.PROPOSAL,
                        TARGET,
                        "notify.mobile_app_x",
                        "t",
                        "m",
                        actions,
                        Actor.system()));
    }

    @Test
    void aReceivedActionIsRecorded() {
        fixture.givenNoPriorActivity()
                .when(new RecordNotificationAction(
                        ID,
                        NotificationDecision.DISMISS,
                        NotificationKind.INSIGHT,
                        TARGET,
                        ActionOutcome.APPLIED,
                        "done",
                        Actor.haNotification()))
                .expectEvents(new NotificationActionReceived(
                        ID,
                        NotificationDecision.DISMISS,
                        NotificationKind.INSIGHT,
                        TARGET,
                        ActionOutcome.APPLIED,
                        "done",
                        Actor.haNotification()));
    }
}

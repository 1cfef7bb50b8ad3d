package io.aether.command.insight;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.aether.domain.actor.Actor;
import io.aether.domain.insight.AnalysisType;
import io.aether.domain.insight.schedule.InsightScheduleCreated;
import io.aether.domain.insight.schedule.InsightScheduleRunStarted;
import io.aether.domain.insight.schedule.RunInsightSchedule;
import io.aether.domain.insight.schedule.RunTrigger;
import io.aether.domain.insight.schedule.ScheduleSettings;
import io.aether.domain.insight.schedule.ScheduleTrigger;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A webhook run is recorded as such for an enabled schedule and, like a cron run, skips a disabled one. */
class InsightScheduleWebhookRunTest {
    private static final UUID ID = UUID.randomUUID();
    private static final UUID JOB = UUID.randomUUID();
    private static final Actor HA = Actor.haNotification();

    private AggregateTestFixture<InsightScheduleAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InsightScheduleAggregate.class);
    }

    private static InsightScheduleCreated created(boolean enabled) {
        return new InsightScheduleCreated(
                ID,
                new ScheduleSettings(
                        "Offline",
                        enabled,
                        AnalysisType.DEVICE_HEALTH,
                        ScheduleTrigger.WEBHOOK,
                        null,
                        24,
                        JsonNodeFactory.instance.objectNode(),
                        null,
                        "device_offline",
                        null),
                Actor.user("alice"));
    }

    @Test
    void anEnabledScheduleRecordsAWebhookRun() {
        fixture.given(created(true))
                .when(new RunInsightSchedule(ID, JOB, RunTrigger.WEBHOOK, HA))
                .expectEvents(new InsightScheduleRunStarted(ID, JOB, RunTrigger.WEBHOOK, HA));
    }

    @Test
    void aDisabledScheduleRecordsNothingForAWebhook() {
        fixture.given(created(false))
                .when(new RunInsightSchedule(ID, JOB, RunTrigger.WEBHOOK, HA))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}

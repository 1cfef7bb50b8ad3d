package io.aether.command.insight;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.aether.domain.actor.Actor;
import io.aether.domain.insight.AnalysisType;
import io.aether.domain.insight.schedule.CreateInsightSchedule;
import io.aether.domain.insight.schedule.DeleteInsightSchedule;
import io.aether.domain.insight.schedule.InsightScheduleCreated;
import io.aether.domain.insight.schedule.InsightScheduleDeleted;
import io.aether.domain.insight.schedule.InsightScheduleNotFoundException;
import io.aether.domain.insight.schedule.InsightScheduleRunStarted;
import io.aether.domain.insight.schedule.InsightScheduleUpdated;
import io.aether.domain.insight.schedule.InvalidScheduleException;
import io.aether.domain.insight.schedule.RunInsightSchedule;
import io.aether.domain.insight.schedule.RunTrigger;
import io.aether.domain.insight.schedule.ScheduleChanges;
import io.aether.domain.insight.schedule.ScheduleSettings;
import io.aether.domain.insight.schedule.ScheduleTrigger;
import io.aether.domain.insight.schedule.UpdateInsightSchedule;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Create, update, delete and run: what is recorded and what is refused with nothing appended. */
class InsightScheduleAggregateTest {
    private static final UUID ID = UUID.randomUUID();
    private static final UUID JOB = UUID.randomUUID();
    private static final Actor ALICE = Actor.user("alice");
    private static final ScheduleSettings NIGHTLY = settings(true, AnalysisType.DEVICE_HEALTH, "0 2 * * *");
    private static final InsightScheduleCreated CREATED = new InsightScheduleCreated(ID, NIGHTLY, ALICE);

    private AggregateTestFixture<InsightScheduleAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InsightScheduleAggregate.class);
    }

    private static ScheduleSettings settings(boolean enabled, AnalysisType type, String cron) {
        return new ScheduleSettings(
                "Nightly",
                enabled,
                type,
                ScheduleTrigger.CRON,
                null,
                24,
                JsonNodeFactory.instance.objectNode(),
                cron,
                null,
                null);
    }

    private static ScheduleChanges enabled(boolean enabled) {
        return new ScheduleChanges(null, enabled, null, null, null, null, null, null, null);
    }

    @Test
    void createRecordsTheSettings() {
        fixture.givenNoPriorActivity()
                .when(new CreateInsightSchedule(ID, NIGHTLY, ALICE))
                .expectEvents(CREATED);
    }

    @Test
    void createRefusesAnInvalidCronExpressionOrAMissingOne() {
        fixture.givenNoPriorActivity()
                .when(new CreateInsightSchedule(ID, settings(true, AnalysisType.DEVICE_HEALTH, "0 0 2 * * *"), ALICE))
                .expectException(InvalidScheduleException.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreateInsightSchedule(ID, settings(true, AnalysisType.DEVICE_HEALTH, null), ALICE))
                .expectException(InvalidScheduleException.class)
                .expectNoEvents();
    }

    @Test
    void updateRecordsTheWholeResultAndNothingWhenNothingChanges() {
        fixture.given(CREATED)
                .when(new UpdateInsightSchedule(ID, enabled(false), ALICE))
                .expectEvents(new InsightScheduleUpdated(
                        ID, settings(false, AnalysisType.DEVICE_HEALTH, "0 2 * * *"), ALICE));
        fixture.given(CREATED)
                .when(new UpdateInsightSchedule(ID, enabled(true), ALICE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(CREATED)
                .when(new UpdateInsightSchedule(
                        ID, new ScheduleChanges(null, null, null, null, null, null, null, null, null), ALICE))
                .expectException(InvalidScheduleException.class)
                .expectNoEvents();
    }

    @Test
    void aDeletedScheduleIsGoneForEveryCommand() {
        InsightScheduleDeleted deleted = new InsightScheduleDeleted(ID, ALICE);
        fixture.given(CREATED).when(new DeleteInsightSchedule(ID, ALICE)).expectEvents(deleted);
        fixture.given(CREATED, deleted)
                .when(new DeleteInsightSchedule(ID, ALICE))
                .expectException(InsightScheduleNotFoundException.class)
                .expectNoEvents();
        fixture.given(CREATED, deleted)
                .when(new UpdateInsightSchedule(ID, enabled(false), ALICE))
                .expectException(InsightScheduleNotFoundException.class);
        fixture.given(CREATED, deleted)
                .when(new RunInsightSchedule(ID, JOB, RunTrigger.MANUAL, ALICE))
                .expectException(InsightScheduleNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void aRunIsRecordedWithItsJobAndAnswersTheSettings() {
        fixture.given(CREATED)
                .when(new RunInsightSchedule(ID, JOB, RunTrigger.MANUAL, ALICE))
                .expectEvents(new InsightScheduleRunStarted(ID, JOB, RunTrigger.MANUAL, ALICE))
                .expectResultMessagePayload(NIGHTLY);
    }

    @Test
    void aDisabledScheduleRunsByHandButNotByCron() {
        ScheduleSettings off = settings(false, AnalysisType.DEVICE_HEALTH, "0 2 * * *");
        InsightScheduleCreated createdOff = new InsightScheduleCreated(ID, off, ALICE);
        fixture.given(createdOff)
                .when(new RunInsightSchedule(ID, JOB, RunTrigger.MANUAL, ALICE))
                .expectEvents(new InsightScheduleRunStarted(ID, JOB, RunTrigger.MANUAL, ALICE));
        fixture.given(createdOff)
                .when(new RunInsightSchedule(ID, JOB, RunTrigger.CRON, Actor.system()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}

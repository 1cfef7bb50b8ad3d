package io.aether.command.insight;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.aether.domain.actor.Actor;
import io.aether.domain.insight.AnalysisCompleted;
import io.aether.domain.insight.AnalysisFailed;
import io.aether.domain.insight.AnalysisNoted;
import io.aether.domain.insight.AnalysisRequested;
import io.aether.domain.insight.AnalysisType;
import io.aether.domain.insight.RecordAnalysisCompleted;
import io.aether.domain.insight.RecordAnalysisFailed;
import io.aether.domain.insight.RequestAnalysis;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An analysis job records one outcome, and fails by its deadline when none arrives (its node died). */
class AnalysisJobAggregateTest {
    private static final UUID JOB = UUID.randomUUID();
    private static final Actor ALICE = Actor.user("alice");
    private static final AnalysisRequested REQUESTED = new AnalysisRequested(
            JOB, AnalysisType.DEVICE_HEALTH, List.of(), 24, JsonNodeFactory.instance.objectNode(), ALICE);

    private AggregateTestFixture<AnalysisJobAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AnalysisJobAggregate.class);
        fixture.registerInjectableResource(new AnalysisDeadlines(Duration.ofMinutes(5)));
    }

    @Test
    void aRequestRecordsTheJobAndSchedulesItsDeadline() {
        fixture.givenNoPriorActivity()
                .when(new RequestAnalysis(
                        JOB, AnalysisType.DEVICE_HEALTH, List.of(), 24, JsonNodeFactory.instance.objectNode(), ALICE))
                .expectEvents(REQUESTED)
                .expectScheduledDeadlineWithName(Duration.ofMinutes(5), AnalysisDeadlines.DEADLINE);
    }

    @Test
    void everyAnalysisTypeCanBeRequested() {
        for (AnalysisType type : AnalysisType.values()) {
            fixture.givenNoPriorActivity()
                    .when(new RequestAnalysis(JOB, type, List.of(), 24, null, ALICE))
                    .expectEvents(new AnalysisRequested(JOB, type, List.of(), 24, null, ALICE));
        }
    }

    @Test
    void aNoteIsRecordedJustBeforeTheCompletion() {
        fixture.given(REQUESTED)
                .when(new RecordAnalysisCompleted(JOB, List.of(), "nothing to analyse"))
                .expectEvents(
                        new AnalysisNoted(JOB, "nothing to analyse", Actor.system()),
                        new AnalysisCompleted(JOB, List.of(), Actor.system()));
    }

    @Test
    void theFirstOutcomeWinsAndCancelsTheDeadline() {
        UUID insight = UUID.randomUUID();
        fixture.given(REQUESTED)
                .when(new RecordAnalysisCompleted(JOB, List.of(insight)))
                .expectEvents(new AnalysisCompleted(JOB, List.of(insight), Actor.system()))
                .expectNoScheduledDeadlines();
        fixture.given(REQUESTED, new AnalysisCompleted(JOB, List.of(insight), Actor.system()))
                .when(new RecordAnalysisFailed(JOB, "late"))
                .expectNoEvents();
    }

    @Test
    void aJobWithoutAnOutcomeFailsAtItsDeadline() {
        fixture.givenCommands(new RequestAnalysis(
                        JOB, AnalysisType.DEVICE_HEALTH, List.of(), 24, JsonNodeFactory.instance.objectNode(), ALICE))
                .whenTimeElapses(Duration.ofMinutes(6))
                .expectDeadlinesMet(new AnalysisDeadlines.Deadline(JOB))
                .expectEvents(new AnalysisFailed(
                        JOB,
                        "no outcome was recorded within 300 s (the node running it may have stopped)",
                        Actor.system()));
    }
}

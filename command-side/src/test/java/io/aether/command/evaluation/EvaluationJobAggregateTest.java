package io.aether.command.evaluation;

import io.aether.domain.actor.Actor;
import io.aether.domain.evaluation.EvaluationCompleted;
import io.aether.domain.evaluation.EvaluationFailed;
import io.aether.domain.evaluation.EvaluationRequested;
import io.aether.domain.evaluation.InvalidEvaluationException;
import io.aether.domain.evaluation.RecordEvaluationCompleted;
import io.aether.domain.evaluation.RecordEvaluationFailed;
import io.aether.domain.evaluation.RecordTraceScores;
import io.aether.domain.evaluation.RequestEvaluation;
import io.aether.domain.evaluation.Scorer;
import io.aether.domain.evaluation.TraceEvaluated;
import io.aether.domain.evaluation.TraceScore;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An evaluation job records each trace's scores once and one outcome, or fails by its deadline. */
class EvaluationJobAggregateTest {
    private static final UUID JOB = UUID.randomUUID();
    private static final Actor ALICE = Actor.user("alice");
    private static final String T1 = "a".repeat(32);
    private static final String T2 = "b".repeat(32);
    private static final EvaluationRequested REQUESTED = new EvaluationRequested(JOB, List.of(T1, T2), ALICE);
    private static final List<TraceScore> SCORES =
            List.of(new TraceScore(Scorer.TOOL_CALL_COUNT, true, 2.0, "2 tool calls"));

    private AggregateTestFixture<EvaluationJobAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(EvaluationJobAggregate.class);
        fixture.registerInjectableResource(new EvaluationDeadlines(Duration.ofMinutes(5)));
    }

    @Test
    void aRequestRecordsTheJobAndSchedulesItsDeadline() {
        fixture.givenNoPriorActivity()
                .when(new RequestEvaluation(JOB, List.of(T1, T2), ALICE))
                .expectEvents(REQUESTED)
                .expectScheduledDeadlineWithName(Duration.ofMinutes(5), EvaluationDeadlines.DEADLINE);
    }

    @Test
    void duplicateTracesAreRefused() {
        fixture.givenNoPriorActivity()
                .when(new RequestEvaluation(JOB, List.of(T1, T1), ALICE))
                .expectException(InvalidEvaluationException.class)
                .expectNoEvents();
    }

    @Test
    void aTraceIsScoredOnceAndOnlyWhenTheJobNamesIt() {
        fixture.given(REQUESTED)
                .when(new RecordTraceScores(JOB, T1, SCORES))
                .expectEvents(new TraceEvaluated(JOB, T1, SCORES, Actor.system()));
        fixture.given(REQUESTED, new TraceEvaluated(JOB, T1, SCORES, Actor.system()))
                .when(new RecordTraceScores(JOB, T1, SCORES))
                .expectNoEvents();
        fixture.given(REQUESTED)
                .when(new RecordTraceScores(JOB, "c".repeat(32), SCORES))
                .expectNoEvents();
    }

    @Test
    void theFirstOutcomeWinsAndCancelsTheDeadline() {
        fixture.given(REQUESTED, new TraceEvaluated(JOB, T1, SCORES, Actor.system()))
                .when(new RecordEvaluationCompleted(JOB))
                .expectEvents(new EvaluationCompleted(JOB, 1, Actor.system()))
                .expectNoScheduledDeadlines();
        fixture.given(REQUESTED, new EvaluationCompleted(JOB, 0, Actor.system()))
                .when(new RecordEvaluationFailed(JOB, "late"))
                .expectNoEvents();
    }

    @Test
    void aJobWithoutAnOutcomeFailsAtItsDeadline() {
        fixture.givenCommands(new RequestEvaluation(JOB, List.of(T1), ALICE))
                .whenTimeElapses(Duration.ofMinutes(6))
                .expectDeadlinesMet(new EvaluationDeadlines.Deadline(JOB))
                .expectEvents(new EvaluationFailed(
                        JOB,
                        "no outcome was recorded within 300 s (the node running it may have stopped)",
                        Actor.system()));
    }
}

package io.aether.command.insight;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.aether.domain.actor.Actor;
import io.aether.domain.optimization.AcceptSuggestion;
import io.aether.domain.optimization.InvalidOptimizationException;
import io.aether.domain.optimization.OptimizationAnalysisType;
import io.aether.domain.optimization.OptimizationCompleted;
import io.aether.domain.optimization.OptimizationFailed;
import io.aether.domain.optimization.OptimizationRequested;
import io.aether.domain.optimization.RecordOptimizationCompleted;
import io.aether.domain.optimization.RecordOptimizationFailed;
import io.aether.domain.optimization.RejectSuggestion;
import io.aether.domain.optimization.RequestOptimization;
import io.aether.domain.optimization.Suggestion;
import io.aether.domain.optimization.SuggestionAccepted;
import io.aether.domain.optimization.SuggestionAlreadyDecidedException;
import io.aether.domain.optimization.SuggestionNotFoundException;
import io.aether.domain.optimization.SuggestionRejected;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An optimization job records one outcome; each of its suggestions is decided once. */
class OptimizationJobAggregateTest {
    private static final UUID JOB = UUID.randomUUID();
    private static final UUID SUGGESTION = UUID.randomUUID();
    private static final UUID PROPOSAL = UUID.randomUUID();
    private static final Actor ALICE = Actor.user("alice");
    private static final List<OptimizationAnalysisType> BEHAVIOUR = List.of(OptimizationAnalysisType.BEHAVIOR_ANALYSIS);
    private static final OptimizationRequested REQUESTED =
            new OptimizationRequested(JOB, BEHAVIOUR, 168, List.of(), List.of(), ALICE);
    private static final Suggestion LIGHT = new Suggestion(
            SUGGESTION,
            "Hall is switched on by hand at about 18:30",
            List.of("light.hall"),
            "time at 18:30 UTC",
            "light.turn_on light.hall",
            0.86,
            "automation_gap",
            JsonNodeFactory.instance.objectNode().put("name", "Turn on Hall at 18:30"),
            JsonNodeFactory.instance.objectNode());
    private static final OptimizationCompleted COMPLETED =
            new OptimizationCompleted(JOB, List.of(LIGHT), List.of("Automate Hall"), 0, List.of(), Actor.system());

    private AggregateTestFixture<OptimizationJobAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(OptimizationJobAggregate.class);
        fixture.registerInjectableResource(new AnalysisDeadlines(Duration.ofMinutes(5)));
    }

    @Test
    void aRequestRecordsTheJobAndSchedulesItsDeadline() {
        fixture.givenNoPriorActivity()
                .when(new RequestOptimization(JOB, BEHAVIOUR, 168, List.of(), List.of(), ALICE))
                .expectEvents(REQUESTED)
                .expectScheduledDeadlineWithName(Duration.ofMinutes(5), AnalysisDeadlines.DEADLINE);
    }

    @Test
    void noTypeOrHoursOutOfRangeAreRefused() {
        fixture.givenNoPriorActivity()
                .when(new RequestOptimization(JOB, List.of(), 168, List.of(), List.of(), ALICE))
                .expectException(InvalidOptimizationException.class);
        fixture.givenNoPriorActivity()
                .when(new RequestOptimization(JOB, BEHAVIOUR, 721, List.of(), List.of(), ALICE))
                .expectException(InvalidOptimizationException.class);
    }

    @Test
    void theFirstOutcomeWinsAndCancelsTheDeadline() {
        fixture.given(REQUESTED)
                .when(new RecordOptimizationCompleted(JOB, List.of(LIGHT), List.of("Automate Hall"), List.of()))
                .expectEvents(COMPLETED)
                .expectNoScheduledDeadlines();
        fixture.given(REQUESTED, COMPLETED)
                .when(new RecordOptimizationFailed(JOB, "late"))
                .expectNoEvents();
    }

    @Test
    void theDeadlineFailsAJobStillRunning() {
        fixture.givenCommands(new RequestOptimization(JOB, BEHAVIOUR, 168, List.of(), List.of(), ALICE))
                .whenTimeElapses(Duration.ofMinutes(6))
                .expectEvents(new OptimizationFailed(
                        JOB,
                        "no outcome was recorded within 300 s (the node running it may have stopped)",
                        Actor.system()));
    }

    @Test
    void aPendingSuggestionIsAcceptedOrRejectedOnce() {
        fixture.given(REQUESTED, COMPLETED)
                .when(new AcceptSuggestion(JOB, SUGGESTION, PROPOSAL, "yes", ALICE))
                .expectEvents(new SuggestionAccepted(JOB, SUGGESTION, PROPOSAL, "yes", ALICE));
        fixture.given(REQUESTED, COMPLETED)
                .when(new RejectSuggestion(JOB, SUGGESTION, "no", ALICE))
                .expectEvents(new SuggestionRejected(JOB, SUGGESTION, "no", ALICE));
        fixture.given(REQUESTED, COMPLETED, new SuggestionRejected(JOB, SUGGESTION, "no", ALICE))
                .when(new AcceptSuggestion(JOB, SUGGESTION, PROPOSAL, null, ALICE))
                .expectException(SuggestionAlreadyDecidedException.class)
                .expectNoEvents();
        fixture.given(REQUESTED, COMPLETED, new SuggestionAccepted(JOB, SUGGESTION, PROPOSAL, null, ALICE))
                .when(new RejectSuggestion(JOB, SUGGESTION, null, ALICE))
                .expectException(SuggestionAlreadyDecidedException.class)
                .expectNoEvents();
        fixture.given(REQUESTED, COMPLETED)
                .when(new RejectSuggestion(JOB, UUID.randomUUID(), null, ALICE))
                .expectException(SuggestionNotFoundException.class);
    }
}

package io.aether.command.insight;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.aether.domain.actor.Actor;
import io.aether.domain.insight.ActOnInsight;
import io.aether.domain.insight.CreateInsight;
import io.aether.domain.insight.DeleteInsight;
import io.aether.domain.insight.DismissInsight;
import io.aether.domain.insight.IllegalInsightTransitionException;
import io.aether.domain.insight.InsightActedUpon;
import io.aether.domain.insight.InsightContent;
import io.aether.domain.insight.InsightCreated;
import io.aether.domain.insight.InsightDeleted;
import io.aether.domain.insight.InsightDismissed;
import io.aether.domain.insight.InsightImpact;
import io.aether.domain.insight.InsightNotFoundException;
import io.aether.domain.insight.InsightReviewed;
import io.aether.domain.insight.InsightType;
import io.aether.domain.insight.InvalidInsightException;
import io.aether.domain.insight.ReviewInsight;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every status against every action: what is recorded, what is refused, what changes nothing. */
class InsightAggregateTest {
    private static final UUID ID = UUID.randomUUID();
    private static final Actor ALICE = Actor.user("alice");
    private static final InsightContent CONTENT = new InsightContent(
            InsightType.ANOMALY,
            "Freezer temperature spikes at night",
            "Three spikes above -12 °C in a week",
            JsonNodeFactory.instance.objectNode().put("z", 4.1),
            0.9,
            InsightImpact.HIGH,
            List.of("sensor.freezer_temperature"),
            null,
            null,
            null,
            null,
            null);
    private static final InsightCreated CREATED = new InsightCreated(ID, CONTENT, ALICE);
    private static final InsightReviewed REVIEWED = new InsightReviewed(ID, ALICE, "Alice", "checked");
    private static final InsightActedUpon ACTED = new InsightActedUpon(ID, ALICE, null, "fixed the seal", null);
    private static final InsightDismissed DISMISSED = new InsightDismissed(ID, ALICE, "known");

    private AggregateTestFixture<InsightAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InsightAggregate.class);
    }

    @Test
    void creationRecordsTheContentAndTheActor() {
        fixture.givenNoPriorActivity()
                .when(new CreateInsight(ID, CONTENT, ALICE))
                .expectEvents(CREATED);
    }

    @Test
    void contentThatBreaksTheRulesIsRefused() {
        InsightContent outOfRange = new InsightContent(
                InsightType.ANOMALY,
                " ",
                "d",
                JsonNodeFactory.instance.arrayNode(),
                1.5,
                InsightImpact.LOW,
                List.of(),
                null,
                null,
                null,
                null,
                null);
        fixture.givenNoPriorActivity()
                .when(new CreateInsight(ID, outOfRange, ALICE))
                .expectException(InvalidInsightException.class)
                .expectExceptionMessage(
                        "title is required; evidence must be a JSON object; confidence must be between 0 and 1");
    }

    @Test
    void fromGeneratedEveryActionIsRecorded() {
        fixture.given(CREATED)
                .when(new ReviewInsight(ID, ALICE, "Alice", "checked"))
                .expectEvents(REVIEWED);
        fixture.given(CREATED)
                .when(new ActOnInsight(ID, ALICE, null, "fixed the seal", null))
                .expectEvents(ACTED);
        fixture.given(CREATED).when(new DismissInsight(ID, ALICE, "known")).expectEvents(DISMISSED);
    }

    @Test
    void fromReviewedActingAndDismissingAreRecordedAndReviewingAgainIsNothing() {
        fixture.given(CREATED, REVIEWED)
                .when(new ReviewInsight(ID, ALICE, null, null))
                .expectNoEvents();
        fixture.given(CREATED, REVIEWED)
                .when(new ActOnInsight(ID, ALICE, null, "fixed the seal", null))
                .expectEvents(ACTED);
        fixture.given(CREATED, REVIEWED)
                .when(new DismissInsight(ID, ALICE, "known"))
                .expectEvents(DISMISSED);
    }

    @Test
    void actedUponIsFinal() {
        fixture.given(CREATED, ACTED)
                .when(new ActOnInsight(ID, ALICE, null, null, null))
                .expectNoEvents();
        fixture.given(CREATED, ACTED)
                .when(new ReviewInsight(ID, ALICE, null, null))
                .expectException(IllegalInsightTransitionException.class);
        fixture.given(CREATED, ACTED)
                .when(new DismissInsight(ID, ALICE, null))
                .expectException(IllegalInsightTransitionException.class)
                .expectExceptionMessage("Cannot dismiss an insight in status 'acted_upon' (it is final)");
    }

    @Test
    void dismissedIsFinal() {
        fixture.given(CREATED, DISMISSED)
                .when(new DismissInsight(ID, ALICE, null))
                .expectNoEvents();
        fixture.given(CREATED, DISMISSED)
                .when(new ReviewInsight(ID, ALICE, null, null))
                .expectException(IllegalInsightTransitionException.class);
        fixture.given(CREATED, DISMISSED)
                .when(new ActOnInsight(ID, ALICE, null, null, null))
                .expectException(IllegalInsightTransitionException.class);
    }

    @Test
    void aDeletedInsightIsGoneForEveryCommand() {
        InsightDeleted deleted = new InsightDeleted(ID, ALICE);
        fixture.given(CREATED, DISMISSED).when(new DeleteInsight(ID, ALICE)).expectEvents(deleted);
        fixture.given(CREATED, deleted)
                .when(new DeleteInsight(ID, ALICE))
                .expectException(InsightNotFoundException.class);
        fixture.given(CREATED, deleted)
                .when(new ReviewInsight(ID, ALICE, null, null))
                .expectException(InsightNotFoundException.class);
    }

    @Test
    void aCommandWithoutAnActorIsRefused() {
        fixture.given(CREATED)
                .when(new ReviewInsight(ID, null, null, null))
                .expectException(InvalidInsightException.class);
    }
}

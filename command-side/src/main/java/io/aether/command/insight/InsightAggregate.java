package io.aether.command.insight;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.aether.domain.actor.Actor;
import io.aether.domain.insight.ActOnInsight;
import io.aether.domain.insight.CreateInsight;
import io.aether.domain.insight.DeleteInsight;
import io.aether.domain.insight.DismissInsight;
import io.aether.domain.insight.IllegalInsightTransitionException;
import io.aether.domain.insight.InsightActedUpon;
import io.aether.domain.insight.InsightCreated;
import io.aether.domain.insight.InsightDeleted;
import io.aether.domain.insight.InsightDismissed;
import io.aether.domain.insight.InsightEvent;
import io.aether.domain.insight.InsightFold;
import io.aether.domain.insight.InsightNotFoundException;
import io.aether.domain.insight.InsightReviewed;
import io.aether.domain.insight.InsightRules;
import io.aether.domain.insight.InsightState;
import io.aether.domain.insight.InsightStatus;
import io.aether.domain.insight.InvalidInsightException;
import io.aether.domain.insight.ReviewInsight;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An insight under review. Unlike the original, its transitions are guarded: generated goes to
 * reviewed, acted upon or dismissed, reviewed to acted upon or dismissed, and acted upon and
 * dismissed are final (409). Asking for the status it already has records nothing (the answer is
 * the same insight). A deleted insight is gone for every command (404). State is
 * {@link InsightFold}'s.
 */
@Aggregate
public class InsightAggregate {

    @AggregateIdentifier
    private UUID id;

    private InsightState state;

    protected InsightAggregate() {
        // for Axon
    }

    @CommandHandler
    public InsightAggregate(CreateInsight command) {
        if (command.insightId() == null || command.content() == null) {
            throw new InvalidInsightException("insight id and content are required");
        }
        List<String> problems = InsightRules.problems(command.content());
        if (!problems.isEmpty()) {
            throw new InvalidInsightException(String.join("; ", problems));
        }
        apply(new InsightCreated(command.insightId(), command.content(), actorOf(command.actor())));
    }

    @CommandHandler
    public void handle(ReviewInsight command) {
        if (moveTo(InsightStatus.REVIEWED, "review", InsightStatus.GENERATED)) {
            apply(new InsightReviewed(id, actorOf(command.actor()), command.label(), command.comment()));
        }
    }

    @CommandHandler
    public void handle(ActOnInsight command) {
        if (moveTo(InsightStatus.ACTED_UPON, "act on", InsightStatus.GENERATED, InsightStatus.REVIEWED)) {
            apply(new InsightActedUpon(
                    id, actorOf(command.actor()), command.label(), command.actionTaken(), command.proposalId()));
        }
    }

    @CommandHandler
    public void handle(DismissInsight command) {
        if (moveTo(InsightStatus.DISMISSED, "dismiss", InsightStatus.GENERATED, InsightStatus.REVIEWED)) {
            apply(new InsightDismissed(id, actorOf(command.actor()), command.reason()));
        }
    }

    @CommandHandler
    public void handle(DeleteInsight command) {
        checkExists();
        apply(new InsightDeleted(id, actorOf(command.actor())));
    }

    @EventSourcingHandler
    void on(InsightEvent event, @Timestamp Instant at) {
        id = event.insightId();
        state = InsightFold.apply(state, event, at);
    }

    /**
     * Whether the move to {@code target} should be recorded: false when the insight is there
     * already (a repeated action), an exception when {@code from} does not allow it.
     */
    private boolean moveTo(InsightStatus target, String action, InsightStatus... from) {
        checkExists();
        if (state.status() == target) {
            return false;
        }
        if (!List.of(from).contains(state.status())) {
            throw new IllegalInsightTransitionException("Cannot " + action + " an insight in status '"
                    + state.status().wire() + "'" + (state.status().isFinal() ? " (it is final)" : ""));
        }
        return true;
    }

    private void checkExists() {
        if (state == null || state.deleted()) {
            throw new InsightNotFoundException(id);
        }
    }

    private static Actor actorOf(Actor actor) {
        if (actor == null) {
            throw new InvalidInsightException("the command has no actor");
        }
        return actor;
    }
}

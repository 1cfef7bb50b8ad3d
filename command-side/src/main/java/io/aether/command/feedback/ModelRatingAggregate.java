package io.aether.command.feedback;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.aether.domain.feedback.FlowGrades;
import io.aether.domain.feedback.InvalidFeedbackException;
import io.aether.domain.feedback.ModelRated;
import io.aether.domain.feedback.RateModel;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** One rating of a model: recorded once, never changed (a new opinion is a new rating). */
@Aggregate
public class ModelRatingAggregate {

    @AggregateIdentifier
    private UUID id;

    protected ModelRatingAggregate() {
        // for Axon
    }

    @CommandHandler
    public ModelRatingAggregate(RateModel command) {
        List<String> problems = FlowGrades.problems(command);
        if (!problems.isEmpty()) {
            throw new InvalidFeedbackException(problems);
        }
        apply(new ModelRated(
                command.id(),
                command.modelName().strip(),
                command.agentRole().strip(),
                command.rating(),
                command.notes(),
                command.configSnapshot(),
                command.actor()));
    }

    @EventSourcingHandler
    void on(ModelRated event) {
        id = event.id();
    }
}

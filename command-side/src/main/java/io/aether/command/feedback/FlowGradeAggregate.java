package io.aether.command.feedback;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.aether.domain.feedback.DeleteFlowGrade;
import io.aether.domain.feedback.FlowGradeDeleted;
import io.aether.domain.feedback.FlowGradeNotFoundException;
import io.aether.domain.feedback.FlowGradeSubmitted;
import io.aether.domain.feedback.FlowGrades;
import io.aether.domain.feedback.InvalidFeedbackException;
import io.aether.domain.feedback.SubmitFlowGrade;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The grade of one conversation and span (identity from both). Grading again replaces the grade;
 * the same grade and comment again records nothing. A withdrawn grade may be given again.
 */
@Aggregate
public class FlowGradeAggregate {

    @AggregateIdentifier
    private UUID id;

    private String conversationId;
    private FlowGradeSubmitted current;

    protected FlowGradeAggregate() {
        // for Axon, and the instance CREATE_IF_MISSING starts from
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SubmitFlowGrade command) {
        List<String> problems = FlowGrades.problems(command);
        if (!problems.isEmpty()) {
            throw new InvalidFeedbackException(problems);
        }
        if (current != null
                && current.grade() == command.grade()
                && Objects.equals(current.comment(), command.comment())
                && Objects.equals(current.agentRole(), command.agentRole())
                && Objects.equals(current.traceId(), command.traceId())) {
            return;
        }
        apply(new FlowGradeSubmitted(
                command.id(),
                command.conversationId(),
                command.spanId(),
                command.grade(),
                command.comment(),
                command.agentRole(),
                command.traceId(),
                command.actor()));
    }

    @CommandHandler
    public void handle(DeleteFlowGrade command) {
        if (current == null) {
            throw new FlowGradeNotFoundException(command.id().toString());
        }
        apply(new FlowGradeDeleted(command.id(), conversationId, command.actor()));
    }

    @EventSourcingHandler
    void on(FlowGradeSubmitted event) {
        id = event.id();
        conversationId = event.conversationId();
        current = event;
    }

    @EventSourcingHandler
    void on(FlowGradeDeleted event) {
        current = null;
    }
}

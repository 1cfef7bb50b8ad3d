package io.aether.command.workflow;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.aether.domain.workflow.ArchiveWorkflowDefinition;
import io.aether.domain.workflow.CreateWorkflowDefinition;
import io.aether.domain.workflow.InvalidWorkflowDefinitionException;
import io.aether.domain.workflow.WorkflowDefinitionArchived;
import io.aether.domain.workflow.WorkflowDefinitionCreated;
import io.aether.domain.workflow.WorkflowDefinitionExistsException;
import io.aether.domain.workflow.WorkflowDefinitionRules;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A named workflow definition (identity from its name, {@link WorkflowDefinitionRules#idFor}). A
 * second creation under a live name is a conflict; creating an archived name again records it as
 * the next version. Archiving twice records nothing the second time.
 */
@Aggregate
public class WorkflowDefinitionAggregate {

    @AggregateIdentifier
    private UUID id;

    private int version;
    private boolean archived;

    protected WorkflowDefinitionAggregate() {
        // for Axon, and the instance CREATE_IF_MISSING starts from
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CreateWorkflowDefinition command) {
        if (version > 0 && !archived) {
            throw new WorkflowDefinitionExistsException(command.content().name());
        }
        List<String> problems = WorkflowDefinitionRules.problems(command.content());
        if (!problems.isEmpty()) {
            throw new InvalidWorkflowDefinitionException(problems);
        }
        apply(new WorkflowDefinitionCreated(command.id(), version + 1, command.content(), command.actor()));
    }

    @CommandHandler
    public void handle(ArchiveWorkflowDefinition command) {
        if (!archived) {
            apply(new WorkflowDefinitionArchived(command.id(), command.actor()));
        }
    }

    @EventSourcingHandler
    void on(WorkflowDefinitionCreated event) {
        id = event.id();
        version = event.version();
        archived = false;
    }

    @EventSourcingHandler
    void on(WorkflowDefinitionArchived event) {
        archived = true;
    }
}

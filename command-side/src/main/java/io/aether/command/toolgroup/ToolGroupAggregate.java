package io.aether.command.toolgroup;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.aether.domain.toolgroup.CreateToolGroup;
import io.aether.domain.toolgroup.InvalidToolGroupException;
import io.aether.domain.toolgroup.ToolGroupAlreadyExistsException;
import io.aether.domain.toolgroup.ToolGroupContent;
import io.aether.domain.toolgroup.ToolGroupCreated;
import io.aether.domain.toolgroup.ToolGroupEvent;
import io.aether.domain.toolgroup.ToolGroupFold;
import io.aether.domain.toolgroup.ToolGroupNames;
import io.aether.domain.toolgroup.ToolGroupRules;
import io.aether.domain.toolgroup.ToolGroupState;
import io.aether.domain.toolgroup.ToolGroupUpdated;
import io.aether.domain.toolgroup.UpdateToolGroup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A named group of tools (identity: its name; stream {@link ToolGroupNames#aggregateId}). It
 * refuses a second creation under a name, and content that breaks {@link ToolGroupRules}, before
 * anything is recorded. Its state is {@link ToolGroupFold}'s.
 */
@Aggregate
public class ToolGroupAggregate {

    @AggregateIdentifier
    private String aggregateId;

    private ToolGroupState state;

    protected ToolGroupAggregate() {
        // for Axon, and the instance CREATE_IF_MISSING starts from
    }

    /**
     * Creation is "create if missing" so that a second creation meets the existing group and is a
     * clean conflict; two nodes creating the same name at once collide on the event store's unique
     * (stream, sequence) key instead, which is a conflict too.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CreateToolGroup command) {
        if (state != null) {
            throw new ToolGroupAlreadyExistsException(command.name());
        }
        List<String> problems = new ArrayList<>(ToolGroupRules.nameProblems(command.name()));
        problems.addAll(ToolGroupRules.contentProblems(command.content()));
        if (!problems.isEmpty()) {
            throw new InvalidToolGroupException(problems);
        }
        apply(new ToolGroupCreated(command.name(), command.content(), command.actor()));
    }

    @CommandHandler
    public void handle(UpdateToolGroup command) {
        ToolGroupContent changed = command.applyTo(state.content());
        List<String> problems = ToolGroupRules.contentProblems(changed);
        if (!problems.isEmpty()) {
            throw new InvalidToolGroupException(problems);
        }
        if (!changed.equals(state.content())) {
            apply(new ToolGroupUpdated(command.name(), changed, command.actor()));
        }
    }

    @EventSourcingHandler
    void on(ToolGroupEvent event, @Timestamp Instant at) {
        aggregateId = ToolGroupNames.aggregateId(event.name());
        state = ToolGroupFold.apply(state, event, at);
    }
}

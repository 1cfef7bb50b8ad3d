package io.aether.domain.workflow;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A command to one workflow definition. */
public interface WorkflowDefinitionCommand {
    UUID id();

    Actor actor();

    @TargetAggregateIdentifier
    default String aggregateId() {
        return id().toString();
    }
}

package io.aether.domain.toolgroup;

import io.aether.domain.actor.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create a tool group; refused if one with this name exists. */
public record CreateToolGroup(String name, ToolGroupContent content, Actor actor) implements ToolGroupCommand {

    @Override
    @TargetAggregateIdentifier
    public String aggregateId() {
        return ToolGroupNames.aggregateId(name);
    }
}

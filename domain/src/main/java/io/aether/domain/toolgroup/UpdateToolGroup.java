package io.aether.domain.toolgroup;

import io.aether.domain.actor.Actor;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Change a tool group: each field that is not null replaces the group's value, the others stay
 * (so a description cannot be cleared, as in the original). Nothing is recorded when nothing
 * changes.
 */
public record UpdateToolGroup(
        String name, String displayName, String description, List<String> toolNames, Boolean readOnly, Actor actor)
        implements ToolGroupCommand {

    @Override
    @TargetAggregateIdentifier
    public String aggregateId() {
        return ToolGroupNames.aggregateId(name);
    }

    /** The group's content with this command's changes applied. */
    public ToolGroupContent applyTo(ToolGroupContent current) {
        return new ToolGroupContent(
                displayName != null ? displayName : current.displayName(),
                description != null ? description : current.description(),
                toolNames != null ? toolNames : current.toolNames(),
                readOnly != null ? readOnly : current.readOnly());
    }
}

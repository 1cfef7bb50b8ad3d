package io.aether.domain.toolgroup;

import io.aether.domain.actor.Actor;

/** A command to one tool group, addressed by name (its stream is {@link ToolGroupNames#aggregateId}). */
public interface ToolGroupCommand {
    String name();

    Actor actor();

    /** The group's stream; each command marks it {@code @TargetAggregateIdentifier}. */
    String aggregateId();
}

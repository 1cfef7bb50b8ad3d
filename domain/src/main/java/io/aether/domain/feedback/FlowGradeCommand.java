package io.aether.domain.feedback;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A command to one flow grade (one conversation and span). */
public interface FlowGradeCommand {
    UUID id();

    Actor actor();

    @TargetAggregateIdentifier
    default String aggregateId() {
        return id().toString();
    }
}

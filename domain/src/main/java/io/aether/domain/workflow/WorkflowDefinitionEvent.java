package io.aether.domain.workflow;

import io.aether.domain.actor.Actor;
import java.util.UUID;

/** An event of one workflow definition. */
public interface WorkflowDefinitionEvent {
    UUID id();

    Actor actor();
}

package io.aether.domain.workflow;

import io.aether.domain.actor.Actor;
import java.util.UUID;

/**
 * Record a workflow definition under the id its name gives ({@link WorkflowDefinitionRules#idFor});
 * refused while a definition of that name is live, and a new version of an archived one.
 */
public record CreateWorkflowDefinition(UUID id, WorkflowDefinitionContent content, Actor actor)
        implements WorkflowDefinitionCommand {

    public static CreateWorkflowDefinition of(WorkflowDefinitionContent content, Actor actor) {
        return new CreateWorkflowDefinition(WorkflowDefinitionRules.idFor(content.name()), content, actor);
    }
}

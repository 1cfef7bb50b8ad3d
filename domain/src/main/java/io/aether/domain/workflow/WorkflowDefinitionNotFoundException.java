package io.aether.domain.workflow;

import io.aether.domain.ErrorKind;

/** No workflow definition has this id. */
public class WorkflowDefinitionNotFoundException extends RuntimeException implements ErrorKind.Carrier {
    public WorkflowDefinitionNotFoundException(String id) {
        super("Workflow definition not found: " + id);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.NOT_FOUND;
    }
}

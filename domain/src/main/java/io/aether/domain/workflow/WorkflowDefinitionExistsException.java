package io.aether.domain.workflow;

import io.aether.domain.ErrorKind;

/** A live workflow definition has this name already. */
public class WorkflowDefinitionExistsException extends RuntimeException implements ErrorKind.Carrier {
    public WorkflowDefinitionExistsException(String name) {
        super("A workflow definition named '" + name + "' already exists");
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CONFLICT;
    }
}

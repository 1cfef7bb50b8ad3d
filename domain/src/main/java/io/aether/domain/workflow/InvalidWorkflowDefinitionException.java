package io.aether.domain.workflow;

import io.aether.domain.ErrorKind;
import java.util.List;

/** A workflow definition breaks a rule of {@link WorkflowDefinitionRules}. */
public class InvalidWorkflowDefinitionException extends RuntimeException implements ErrorKind.Carrier {
    public InvalidWorkflowDefinitionException(List<String> problems) {
        super("Invalid workflow definition: " + String.join("; ", problems));
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.VALIDATION;
    }
}

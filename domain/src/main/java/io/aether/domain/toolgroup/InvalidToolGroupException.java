package io.aether.domain.toolgroup;

import io.aether.domain.ErrorKind;
import java.util.List;

/** The tool group's content breaks a rule of {@link ToolGroupRules}. */
public class InvalidToolGroupException extends RuntimeException implements ErrorKind.Carrier {
    public InvalidToolGroupException(List<String> problems) {
        super("Invalid tool group: " + String.join("; ", problems));
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.VALIDATION;
    }
}

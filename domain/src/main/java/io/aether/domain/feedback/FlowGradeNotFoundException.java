package io.aether.domain.feedback;

import io.aether.domain.ErrorKind;

/** No flow grade has this id (or it was withdrawn). */
public class FlowGradeNotFoundException extends RuntimeException implements ErrorKind.Carrier {
    public FlowGradeNotFoundException(String id) {
        super("Flow grade not found: " + id);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.NOT_FOUND;
    }
}

package io.aether.domain.toolgroup;

import io.aether.domain.ErrorKind;

/** A tool group with this name exists already. */
public class ToolGroupAlreadyExistsException extends RuntimeException implements ErrorKind.Carrier {
    public ToolGroupAlreadyExistsException(String name) {
        super("A tool group named '" + name + "' already exists");
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CONFLICT;
    }
}

package io.aether.domain.toolgroup;

import io.aether.domain.ErrorKind;

/** No tool group has this name. */
public class ToolGroupNotFoundException extends RuntimeException implements ErrorKind.Carrier {
    public ToolGroupNotFoundException(String name) {
        super("Tool group not found: " + name);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.NOT_FOUND;
    }
}

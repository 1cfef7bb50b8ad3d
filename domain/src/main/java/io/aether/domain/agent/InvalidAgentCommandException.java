package io.aether.domain.agent;

import io.aether.domain.ErrorKind;

/** The command's arguments are not acceptable (missing id, temperature out of range, ...); nothing was appended. */
public class InvalidAgentCommandException extends RuntimeException implements ErrorKind.Carrier {
    public InvalidAgentCommandException(String message) {
        super(message);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.VALIDATION;
    }
}

package io.aether.domain.agent;

import io.aether.domain.ErrorKind;

/** The command is not allowed in the agent's current state; nothing was appended. */
public class IllegalAgentTransitionException extends RuntimeException implements ErrorKind.Carrier {
    public IllegalAgentTransitionException(String message) {
        super(message);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CONFLICT;
    }
}

package io.aether.domain.proposal;

import io.aether.domain.ErrorKind;

/** The command is not allowed in the proposal's current state; nothing was appended. */
public class IllegalProposalTransitionException extends RuntimeException implements ErrorKind.Carrier {
    public IllegalProposalTransitionException(String message) {
        super(message);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CONFLICT;
    }
}

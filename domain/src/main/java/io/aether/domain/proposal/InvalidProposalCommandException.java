package io.aether.domain.proposal;

import io.aether.domain.ErrorKind;

/** The command's arguments are invalid for this proposal (for example a rollback target out of range). */
public class InvalidProposalCommandException extends RuntimeException implements ErrorKind.Carrier {
    public InvalidProposalCommandException(String message) {
        super(message);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.VALIDATION;
    }
}

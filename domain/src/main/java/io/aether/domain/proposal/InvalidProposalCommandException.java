package io.aether.domain.proposal;

/** The command's arguments are invalid for this proposal (for example a rollback target out of range). */
public class InvalidProposalCommandException extends RuntimeException {
    public InvalidProposalCommandException(String message) {
        super(message);
    }
}

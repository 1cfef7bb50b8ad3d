package io.aether.domain.proposal;

/** The command is not allowed in the proposal's current state; nothing was appended. */
public class IllegalProposalTransitionException extends RuntimeException {
    public IllegalProposalTransitionException(String message) {
        super(message);
    }
}

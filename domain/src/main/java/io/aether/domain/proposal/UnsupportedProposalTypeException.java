package io.aether.domain.proposal;

import io.aether.domain.ErrorKind;

/** Deployment of this proposal type is not supported yet; nothing was appended. */
public class UnsupportedProposalTypeException extends RuntimeException implements ErrorKind.Carrier {
    public UnsupportedProposalTypeException(ProposalType type) {
        super("Deploying proposals of type '" + type.wire()
                + "' is not supported yet; only 'automation' can be deployed");
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.VALIDATION;
    }
}

package io.aether.domain.proposal;

/** Deployment of this proposal type is not supported yet; nothing was appended. */
public class UnsupportedProposalTypeException extends RuntimeException {
    public UnsupportedProposalTypeException(ProposalType type) {
        super("Deploying proposals of type '" + type.wire() + "' is not supported yet; only 'automation' can be deployed");
    }
}

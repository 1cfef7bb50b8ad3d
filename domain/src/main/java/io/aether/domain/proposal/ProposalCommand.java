package io.aether.domain.proposal;

import java.util.UUID;

/** Every command of the Proposal aggregate names its proposal, so callers can send them typed, never as Object. */
public interface ProposalCommand {
    UUID proposalId();
}

package io.aether.domain.proposal.query;

import java.time.Instant;
import java.util.UUID;

/**
 * The proposal now, or as it was after {@code version} events, or at instant {@code at}
 * (at most one of version/at). Answered from the event store by the proposal fold.
 */
public record GetProposal(UUID proposalId, Integer version, Instant at) {

    /** The proposal as it is now. */
    public static GetProposal current(UUID proposalId) {
        return new GetProposal(proposalId, null, null);
    }
}

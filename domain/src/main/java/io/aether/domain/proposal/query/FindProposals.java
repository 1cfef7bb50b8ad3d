package io.aether.domain.proposal.query;

import io.aether.domain.proposal.ProposalStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * A page of proposals, newest first; status null means all (deleted proposals are never listed).
 * {@code after} (null: from the newest) starts the page after that row of the order, a keyset
 * cursor whose cost does not grow with how deep the page is; {@code offset} counts from there.
 */
public record FindProposals(ProposalStatus status, int limit, int offset, After after) {

    public FindProposals(ProposalStatus status, int limit, int offset) {
        this(status, limit, offset, null);
    }

    /** A position in the list order ({@code created_at} desc, {@code id} desc): the last row seen. */
    public record After(Instant createdAt, UUID id) {}
}

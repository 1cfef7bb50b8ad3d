package io.aether.domain.proposal;

import java.util.UUID;

/** Every event of the Proposal aggregate names its proposal and who caused it. */
public interface ProposalEvent {
    UUID proposalId();

    /** Who caused the event (a user name, an agent, or {@code system}). */
    String actor();

    /** Why, when the event carries a reason or comment; null otherwise. */
    default String reason() {
        return null;
    }
}

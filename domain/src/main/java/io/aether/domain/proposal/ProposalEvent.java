package io.aether.domain.proposal;

import io.aether.domain.actor.Actor;
import java.util.UUID;

/** Every event of the Proposal aggregate names its proposal and who caused it. */
public interface ProposalEvent {
    UUID proposalId();

    /** Who caused the event: the authenticated principal of the request, an agent, or {@code system}. */
    Actor actor();

    /** The name the client wrote into the request ({@code approved_by}, {@code rejected_by}); display only, null when none. */
    default String label() {
        return null;
    }

    /** What to show as who did it (e.g. {@code approved_by}): the label when the client gave one, else the actor's name. */
    default String actorLabel() {
        return label() != null ? label() : actor().name();
    }

    /** Why, when the event carries a reason or comment; null otherwise. */
    default String reason() {
        return null;
    }
}

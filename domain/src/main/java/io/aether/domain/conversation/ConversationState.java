package io.aether.domain.conversation;

import java.util.Set;
import java.util.UUID;

/**
 * A conversation as its events leave it: who started it, for which agent, how many messages, the
 * turns still open, and whether it was deleted.
 */
public record ConversationState(
        UUID conversationId, String title, String agent, int messages, Set<String> openTurns, boolean deleted) {

    public ConversationState {
        openTurns = Set.copyOf(openTurns);
    }

    public static final ConversationState NONE = new ConversationState(null, null, null, 0, Set.of(), false);

    public boolean started() {
        return conversationId != null;
    }
}

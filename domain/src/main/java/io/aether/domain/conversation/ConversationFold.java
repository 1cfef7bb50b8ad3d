package io.aether.domain.conversation;

import java.util.HashSet;
import java.util.Set;

/** The one fold of a conversation's events, used by the aggregate. */
public final class ConversationFold {
    private ConversationFold() {}

    public static ConversationState apply(ConversationState s, Object event) {
        if (event instanceof ConversationStarted e) {
            return new ConversationState(e.conversationId(), e.title(), e.agent(), 0, Set.of(), false);
        }
        if (event instanceof ConversationMessagePosted e) {
            return new ConversationState(
                    s.conversationId(),
                    s.title(),
                    s.agent(),
                    s.messages() + 1,
                    with(s.openTurns(), e.traceId()),
                    false);
        }
        if (event instanceof ConversationReplyCompleted e) {
            return new ConversationState(
                    s.conversationId(),
                    s.title(),
                    s.agent(),
                    s.messages() + 1,
                    without(s.openTurns(), e.traceId()),
                    false);
        }
        if (event instanceof ConversationReplyFailed e) {
            return closed(s, e.traceId());
        }
        if (event instanceof ConversationReplyCancelled e) {
            return closed(s, e.traceId());
        }
        if (event instanceof ConversationDeleted) {
            return new ConversationState(s.conversationId(), s.title(), s.agent(), s.messages(), Set.of(), true);
        }
        return s;
    }

    private static ConversationState closed(ConversationState s, String traceId) {
        return new ConversationState(
                s.conversationId(), s.title(), s.agent(), s.messages(), without(s.openTurns(), traceId), s.deleted());
    }

    private static Set<String> with(Set<String> set, String value) {
        Set<String> copy = new HashSet<>(set);
        copy.add(value);
        return copy;
    }

    private static Set<String> without(Set<String> set, String value) {
        Set<String> copy = new HashSet<>(set);
        copy.remove(value);
        return copy;
    }
}

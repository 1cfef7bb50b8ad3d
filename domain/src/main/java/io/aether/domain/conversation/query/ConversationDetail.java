package io.aether.domain.conversation.query;

import java.util.List;
import java.util.UUID;

/** A conversation, its messages and the proposals its turns created that still wait for a decision. */
public record ConversationDetail(
        ConversationSummary conversation, List<ConversationMessage> messages, List<UUID> pendingApprovals) {}

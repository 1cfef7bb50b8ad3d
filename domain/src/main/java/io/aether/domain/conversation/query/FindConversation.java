package io.aether.domain.conversation.query;

import java.util.UUID;

/** One live conversation with its messages (a page of them, oldest first), or a null answer. */
public record FindConversation(UUID id, int messageLimit) {}

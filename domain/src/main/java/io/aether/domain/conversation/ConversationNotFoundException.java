package io.aether.domain.conversation;

import io.aether.domain.ErrorKind;

/** No conversation has this id, or it was deleted. */
public class ConversationNotFoundException extends RuntimeException implements ErrorKind.Carrier {
    public ConversationNotFoundException(String id) {
        super("Conversation not found: " + id);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.NOT_FOUND;
    }
}

package io.aether.domain.conversation.query;

/** Live conversations, newest activity first; {@code status} null: any live status. */
public record ListConversations(String status, int limit, int offset) {}

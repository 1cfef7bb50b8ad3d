package io.aether.domain.conversation.query;

import java.util.List;

/** A page of conversations and how many match. */
public record ConversationPage(List<ConversationSummary> items, long total) {}

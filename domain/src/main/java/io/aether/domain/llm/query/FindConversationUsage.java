package io.aether.domain.llm.query;

import java.util.UUID;

/** The model calls of one conversation, in total and per agent role and model. */
public record FindConversationUsage(UUID conversationId) {}

package io.aether.domain.conversation.query;

/** The turn of a trace id, or a null answer (unknown trace, or its conversation was deleted). */
public record FindTurn(String traceId) {}

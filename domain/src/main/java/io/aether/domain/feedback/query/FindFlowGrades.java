package io.aether.domain.feedback.query;

/** The live grades of one conversation. */
public record FindFlowGrades(String conversationId) {}

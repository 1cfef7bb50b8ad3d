package io.aether.domain.feedback.query;

/** Ratings newest first, optionally of one model and/or one agent role. */
public record ListModelRatings(String modelName, String agentRole, int limit, int offset) {}

package io.aether.domain.feedback.query;

/** Average rating and count per model and role (one role, or all when null). */
public record SummarizeModelRatings(String agentRole) {}

package io.aether.domain.analytics.query;

/**
 * A page of agents by name with their promotion and rollback counts and, per kind (config, prompt),
 * their latest {@code activationsPerKind} activations. Answered from the agent-analytics read model.
 */
public record FindAgentAnalytics(int limit, int offset, int activationsPerKind) {}

package io.aether.domain.agent.query;

/**
 * A page of agents by name (ascending). {@code after} (null: from the first) starts after that name,
 * a keyset cursor; {@code offset} counts from there. {@code availableOnly}: routable agents that are
 * not disabled ({@code GET /agents/available}).
 */
public record FindAgents(int limit, int offset, String after, boolean availableOnly) {}

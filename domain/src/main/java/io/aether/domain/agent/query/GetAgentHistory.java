package io.aether.domain.agent.query;

/** The agent's events in order, from the {@code offset}th (0-based), at most {@code limit}. */
public record GetAgentHistory(String agentName, int limit, int offset) {}

package io.aether.domain.agent.query;

import java.util.List;

/** A page of an agent's events in order, and how many it has in all. */
public record AgentHistory(String agentName, List<AgentHistoryEntry> events, long total) {}

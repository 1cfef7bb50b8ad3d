package io.aether.domain.agent.query;

import io.aether.domain.agent.AgentView;
import java.util.List;

/** One page of agents and how many there are in all (for the filter). */
public record AgentPage(List<AgentView> items, long total) {}

package io.aether.domain.agent.query;

import io.aether.domain.agent.AgentVersion;
import java.util.List;
import java.util.UUID;

/**
 * A page of one agent's config or prompt versions.
 *
 * @param agentId the agent's UUID (the versions' {@code agent_id})
 * @param items   {@code AgentVersion<ConfigContent>} or {@code AgentVersion<PromptContent>}, by the query's kind
 */
public record AgentVersions(UUID agentId, List<AgentVersion<?>> items) {}

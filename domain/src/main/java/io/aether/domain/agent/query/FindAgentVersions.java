package io.aether.domain.agent.query;

import io.aether.domain.agent.VersionKind;

/** The agent's config or prompt versions, newest first (by number). */
public record FindAgentVersions(String agentName, VersionKind kind, int limit, int offset) {}

package io.aether.domain.agent;

import java.time.Instant;
import java.util.UUID;

/**
 * An agent as the fold of its events ({@link AgentFold}). {@code version} is the number of events
 * applied (1 after registration), so the Axon sequence number of the last event is version - 1.
 *
 * @param agentId    a UUID given at registration (the aggregate's identifier is the name)
 * @param semver     the agent's own version label ({@code 0.1.0}, as in the original)
 * @param clonedFrom the agent this one was cloned from, null for a registered one
 */
public record AgentState(
        String name,
        UUID agentId,
        AgentProfile profile,
        String semver,
        AgentStatus status,
        String clonedFrom,
        int version,
        Instant createdAt,
        Instant updatedAt,
        VersionLine<ConfigContent> config,
        VersionLine<PromptContent> prompt) {

    AgentState next(Instant at) {
        return new AgentState(
                name, agentId, profile, semver, status, clonedFrom, version + 1, createdAt, at, config, prompt);
    }

    AgentState withStatus(AgentStatus next) {
        return new AgentState(
                name, agentId, profile, semver, next, clonedFrom, version, createdAt, updatedAt, config, prompt);
    }

    AgentState withConfig(VersionLine<ConfigContent> next) {
        return new AgentState(
                name, agentId, profile, semver, status, clonedFrom, version, createdAt, updatedAt, next, prompt);
    }

    AgentState withPrompt(VersionLine<PromptContent> next) {
        return new AgentState(
                name, agentId, profile, semver, status, clonedFrom, version, createdAt, updatedAt, config, next);
    }
}

package io.aether.domain.agent;

import java.time.Instant;
import java.util.UUID;

/** An agent as the API presents it: its profile and status with the active config and prompt (null when none). */
public record AgentView(
        UUID agentId,
        String name,
        AgentProfile profile,
        String semver,
        AgentStatus status,
        AgentVersion<ConfigContent> activeConfig,
        AgentVersion<PromptContent> activePrompt,
        Instant createdAt,
        Instant updatedAt,
        int version) {

    public static AgentView of(AgentState s) {
        return new AgentView(
                s.agentId(),
                s.name(),
                s.profile(),
                s.semver(),
                s.status(),
                s.config().active().orElse(null),
                s.prompt().active().orElse(null),
                s.createdAt(),
                s.updatedAt(),
                s.version());
    }
}

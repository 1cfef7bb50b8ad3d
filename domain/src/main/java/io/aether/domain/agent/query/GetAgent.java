package io.aether.domain.agent.query;

import java.time.Instant;

/** The agent now (from the agent list), or as it was at instant {@code at} (folded from its events). */
public record GetAgent(String agentName, Instant at) {
    public static GetAgent current(String agentName) {
        return new GetAgent(agentName, null);
    }
}

package io.aether.domain.analytics.query;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The answer to {@link FindAgentAnalytics}: one page of agents and how many there are in all. */
public record AgentAnalyticsPage(List<AgentAnalytics> items, long total) {

    /**
     * One agent: how often a config or prompt version was promoted or made active again by a rollback
     * (every one in its history), and its latest activations of each kind, newest first.
     */
    public record AgentAnalytics(
            String name,
            Instant createdAt,
            int configPromotions,
            int configRollbacks,
            int promptPromotions,
            int promptRollbacks,
            List<Activation> configActivations,
            List<Activation> promptActivations) {}

    /**
     * A version that became the active one: by {@code cause} ({@code promoted} or {@code rolled_back})
     * at {@code activatedAt}, until the next activation of its kind ({@code deactivatedAt}, null while
     * {@code active}). {@code activeSeconds} is how long it stayed active; null while it still is.
     */
    public record Activation(
            UUID versionId,
            int number,
            String semver,
            String cause,
            Instant activatedAt,
            Instant deactivatedAt,
            boolean active,
            Double activeSeconds) {}
}

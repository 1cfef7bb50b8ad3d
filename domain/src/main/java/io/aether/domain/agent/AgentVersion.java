package io.aether.domain.agent;

import java.time.Instant;
import java.util.UUID;

/**
 * One config or prompt version of an agent. {@code number} counts the versions of its line (1, 2,
 * ...; a discarded draft's number is not reused); {@code semver} is set when it is first promoted.
 *
 * @param <C> {@link ConfigContent} or {@link PromptContent}
 */
public record AgentVersion<C>(
        UUID id,
        int number,
        String semver,
        VersionStatus status,
        C content,
        String changeSummary,
        BumpType bumpType,
        Instant createdAt,
        Instant updatedAt,
        Instant promotedAt) {

    AgentVersion<C> withStatus(VersionStatus next, Instant at) {
        return new AgentVersion<>(
                id, number, semver, next, content, changeSummary, bumpType, createdAt, at, promotedAt);
    }

    AgentVersion<C> edited(C newContent, String newSummary, Instant at) {
        return new AgentVersion<>(
                id, number, semver, status, newContent, newSummary, bumpType, createdAt, at, promotedAt);
    }

    AgentVersion<C> promoted(String newSemver, BumpType bump, Instant at) {
        return new AgentVersion<>(
                id, number, newSemver, VersionStatus.ACTIVE, content, changeSummary, bump, createdAt, at, at);
    }

    /** Whether this version was ever the active one (promoted at some point). */
    public boolean everActive() {
        return promotedAt != null;
    }
}

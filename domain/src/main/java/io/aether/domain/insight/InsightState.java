package io.aether.domain.insight;

import java.time.Instant;
import java.util.UUID;

/**
 * An insight as its events leave it; {@code version} is the number of events applied.
 *
 * @param dismissedAt when it was dismissed (the original set no time); null otherwise
 * @param proposalId  the proposal created from it when it was acted upon, or null
 */
public record InsightState(
        UUID insightId,
        InsightContent content,
        InsightStatus status,
        Instant createdAt,
        Instant reviewedAt,
        Instant actionedAt,
        Instant dismissedAt,
        UUID proposalId,
        boolean deleted,
        int version) {}

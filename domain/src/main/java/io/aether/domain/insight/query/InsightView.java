package io.aether.domain.insight.query;

import io.aether.domain.insight.InsightContent;
import io.aether.domain.insight.InsightState;
import io.aether.domain.insight.InsightStatus;
import java.time.Instant;
import java.util.UUID;

/** One insight as the read model holds it. */
public record InsightView(
        UUID id,
        InsightContent content,
        InsightStatus status,
        Instant createdAt,
        Instant reviewedAt,
        Instant actionedAt,
        Instant dismissedAt,
        UUID proposalId,
        int version) {

    /** The insight as its events leave it. */
    public static InsightView of(InsightState s) {
        return new InsightView(
                s.insightId(),
                s.content(),
                s.status(),
                s.createdAt(),
                s.reviewedAt(),
                s.actionedAt(),
                s.dismissedAt(),
                s.proposalId(),
                s.version());
    }
}

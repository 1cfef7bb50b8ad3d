package io.aether.domain.insight;

import java.time.Instant;
import java.util.UUID;

/** The one pure fold of insight events: used by the aggregate and by the current-insight query. */
public final class InsightFold {
    private InsightFold() {}

    /** {@code state} is null before the first event; events of other types leave it unchanged. */
    public static InsightState apply(InsightState state, Object event, Instant at) {
        if (event instanceof InsightCreated e) {
            return new InsightState(
                    e.insightId(), e.content(), InsightStatus.GENERATED, at, null, null, null, null, false, 1);
        }
        if (state == null || !(event instanceof InsightEvent)) {
            return state;
        }
        int version = state.version() + 1;
        if (event instanceof InsightReviewed) {
            return moved(state, InsightStatus.REVIEWED, at, null, null, null, version);
        }
        if (event instanceof InsightActedUpon e) {
            return moved(state, InsightStatus.ACTED_UPON, state.reviewedAt(), at, null, e.proposalId(), version);
        }
        if (event instanceof InsightDismissed) {
            return moved(state, InsightStatus.DISMISSED, state.reviewedAt(), null, at, null, version);
        }
        if (event instanceof InsightDeleted) {
            return new InsightState(
                    state.insightId(),
                    state.content(),
                    state.status(),
                    state.createdAt(),
                    state.reviewedAt(),
                    state.actionedAt(),
                    state.dismissedAt(),
                    state.proposalId(),
                    true,
                    version);
        }
        return state;
    }

    private static InsightState moved(
            InsightState state,
            InsightStatus status,
            Instant reviewedAt,
            Instant actionedAt,
            Instant dismissedAt,
            UUID proposalId,
            int version) {
        return new InsightState(
                state.insightId(),
                state.content(),
                status,
                state.createdAt(),
                reviewedAt,
                actionedAt,
                dismissedAt,
                proposalId,
                false,
                version);
    }
}

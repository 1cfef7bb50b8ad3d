package io.aether.domain.insight;

import java.time.Instant;

/** The one pure fold of insight events: used by the aggregate and the list projection's tests. */
public final class InsightFold {
    private InsightFold() {}

    /** {@code state} is null before the first event; events of other types leave it unchanged. */
    public static InsightState apply(InsightState state, Object event, Instant at) {
        if (event instanceof InsightCreated e) {
            return new InsightState(
                    e.insightId(), e.content(), InsightStatus.GENERATED, at, null, null, null, false, 1);
        }
        if (state == null || !(event instanceof InsightEvent)) {
            return state;
        }
        int version = state.version() + 1;
        if (event instanceof InsightReviewed) {
            return new InsightState(
                    state.insightId(),
                    state.content(),
                    InsightStatus.REVIEWED,
                    state.createdAt(),
                    at,
                    null,
                    null,
                    false,
                    version);
        }
        if (event instanceof InsightActedUpon) {
            return new InsightState(
                    state.insightId(),
                    state.content(),
                    InsightStatus.ACTED_UPON,
                    state.createdAt(),
                    state.reviewedAt(),
                    at,
                    null,
                    false,
                    version);
        }
        if (event instanceof InsightDismissed) {
            return new InsightState(
                    state.insightId(),
                    state.content(),
                    InsightStatus.DISMISSED,
                    state.createdAt(),
                    state.reviewedAt(),
                    null,
                    at,
                    false,
                    version);
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
                    true,
                    version);
        }
        return state;
    }
}

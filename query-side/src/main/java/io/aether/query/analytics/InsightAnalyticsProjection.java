package io.aether.query.analytics;

import io.aether.domain.insight.InsightActedUpon;
import io.aether.domain.insight.InsightCreated;
import io.aether.domain.insight.InsightDismissed;
import io.aether.domain.insight.InsightReviewed;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds {@code insight_analytics}, the read model of {@code GET /analytics/insights}: one row per
 * insight with the time of each step, from the events' own timestamps. Each event is one statement
 * guarded by the row's version, so a replay changes nothing twice and a rebuild answers the same.
 * Deletions are not followed: a deleted insight still counts in the range it was created in.
 */
@Component
@ProcessingGroup(InsightAnalyticsProjection.PROCESSING_GROUP)
public class InsightAnalyticsProjection {
    public static final String PROCESSING_GROUP = "insight-analytics";

    private final JdbcClient jdbc;

    public InsightAnalyticsProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(InsightCreated event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO insight_analytics (insight_id, type, created_at, version)
                        VALUES (:id, :type, :at, 1) ON CONFLICT (insight_id) DO NOTHING""")
                .param("id", event.insightId())
                .param("type", event.content().type().wire())
                .param("at", utc(at))
                .update();
    }

    @EventHandler
    void on(InsightReviewed event, @SequenceNumber long seq, @Timestamp Instant at) {
        step(event.insightId(), "reviewed_at", seq, at);
    }

    @EventHandler
    void on(InsightActedUpon event, @SequenceNumber long seq, @Timestamp Instant at) {
        step(event.insightId(), "acted_upon_at", seq, at);
    }

    @EventHandler
    void on(InsightDismissed event, @SequenceNumber long seq, @Timestamp Instant at) {
        step(event.insightId(), "dismissed_at", seq, at);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE insight_analytics").update();
    }

    /** {@code column} is one of this class's constants, never input. */
    private void step(UUID id, String column, long seq, Instant at) {
        jdbc.sql("UPDATE insight_analytics SET " + column + " = :at, first_review_at = COALESCE(first_review_at, :at),"
                        + " version = :version WHERE insight_id = :id AND version < :version")
                .param("at", utc(at))
                .param("version", Math.toIntExact(seq + 1))
                .param("id", id)
                .update();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}

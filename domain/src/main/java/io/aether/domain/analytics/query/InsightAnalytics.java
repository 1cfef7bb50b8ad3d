package io.aether.domain.analytics.query;

import java.time.Instant;
import java.util.List;

/**
 * The answer to {@link GetInsightAnalytics}: over the insights <em>created</em> in {@code [from, to)}
 * (a cohort, with everything that happened to them since), in all and per type.
 */
public record InsightAnalytics(Instant from, Instant to, Figures total, List<TypeFigures> byType) {

    /**
     * @param generated       insights created in the range
     * @param reviewed        of those, how many were ever reviewed
     * @param actedUpon       how many were acted upon
     * @param dismissed       how many were dismissed
     * @param timeToFirstReview created to the first person's answer (review, action or dismissal)
     */
    public record Figures(
            long generated,
            long reviewed,
            long actedUpon,
            long dismissed,
            ProposalAnalytics.LeadTime timeToFirstReview) {}

    /** The figures of one insight type (types with no insight in the range are left out). */
    public record TypeFigures(String type, Figures figures) {}
}

package io.aether.domain.analytics.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The answer to {@link GetProposalAnalytics}.
 *
 * <p>{@code funnel}, {@code leadTimes} and the rates are over the proposals <em>created</em> in
 * {@code [from, to)} (a cohort: a proposal created in the range and approved after it still counts as
 * approved). {@code buckets} counts the lifecycle steps that <em>happened</em> in each bucket (whole
 * UTC days), with the lead times of the proposals created in that bucket's part of the range.
 *
 * @param deployFailureRate failed deployments / deployments with an outcome, over the cohort; null when none
 * @param rollbackRate rolled-back proposals / deployed proposals, over the cohort; null when none was deployed
 */
public record ProposalAnalytics(
        Instant from,
        Instant to,
        String bucket,
        Funnel funnel,
        LeadTimes leadTimes,
        long deploymentsSucceeded,
        long deploymentsFailed,
        Double deployFailureRate,
        Double rollbackRate,
        List<Bucket> buckets) {

    /** How many proposals of the cohort reached each milestone (each proposal counted once per milestone). */
    public record Funnel(long created, long approved, long rejected, long deployed, long rolledBack) {}

    /** Lead-time percentiles in seconds (PostgreSQL percentile_cont); null when no proposal has both times. */
    public record LeadTime(long count, Double p50Seconds, Double p90Seconds) {}

    /** Created to first approval, and first approval to first successful deployment. */
    public record LeadTimes(LeadTime createdToApproved, LeadTime approvedToDeployed) {}

    /**
     * One bucket: its first day, the number of events of each lifecycle step in it (every step named,
     * zero included), and the lead times of the proposals created in it (within the range).
     */
    public record Bucket(LocalDate start, Map<String, Long> counts, LeadTimes leadTimes) {}
}

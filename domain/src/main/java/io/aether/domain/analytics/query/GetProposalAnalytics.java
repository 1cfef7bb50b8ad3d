package io.aether.domain.analytics.query;

import java.time.Instant;

/**
 * Proposal analytics over {@code [from, to)}: the cohort of proposals created in the range (funnel,
 * lead times, rates) and a series of {@code bucket}-wide buckets covering every UTC day the range
 * touches. Answered from the proposal-analytics read model.
 */
public record GetProposalAnalytics(Instant from, Instant to, AnalyticsBucket bucket) {}

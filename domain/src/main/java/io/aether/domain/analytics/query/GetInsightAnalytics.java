package io.aether.domain.analytics.query;

import java.time.Instant;

/** Insight figures for the insights created in {@code [from, to)}. */
public record GetInsightAnalytics(Instant from, Instant to) {}

package io.aether.domain.insight.query;

/** Counts over all insights that are not deleted. */
public record GetInsightSummary() {}

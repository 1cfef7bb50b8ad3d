package io.aether.domain.insight.query;

import java.util.List;

/** A page of insights and how many match in all. */
public record InsightList(List<InsightView> items, long total, int limit, int offset) {}

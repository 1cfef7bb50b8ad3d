package io.aether.domain.insight.query;

import io.aether.domain.insight.InsightStatus;
import io.aether.domain.insight.InsightType;

/** A page of insights, newest first; {@code type} and {@code status} are optional filters. */
public record ListInsights(InsightType type, InsightStatus status, int limit, int offset) {}

package io.aether.domain.insight.query;

import java.util.UUID;

/** One insight, or null when there is none (or it was deleted). */
public record FindInsight(UUID id) {}

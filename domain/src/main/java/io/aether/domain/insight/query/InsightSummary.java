package io.aether.domain.insight.query;

import java.util.Map;

/**
 * Counts over the insights that are not deleted.
 *
 * @param byType        count per type wire value (types with none are left out)
 * @param byStatus      count per status wire value (statuses with none are left out)
 * @param pendingCount  insights still {@code generated}
 * @param highImpactCount insights of impact high or critical
 */
public record InsightSummary(
        long total, Map<String, Long> byType, Map<String, Long> byStatus, long pendingCount, long highImpactCount) {}

package io.aether.domain.llm.query;

import java.math.BigDecimal;
import java.util.List;

/** Per model and agent role, the most used first. */
public record ModelPerformanceList(List<ModelPerformance> items) {
    /**
     * Latencies in milliseconds to one decimal ({@code p95LatencyMs} interpolated between the two
     * nearest calls, as PostgreSQL's {@code percentile_cont}). {@code totalCostUsd} sums the priced
     * calls and {@code avgCostPerCall} averages them; both null when no call had a known price.
     */
    public record ModelPerformance(
            String model,
            String agentRole,
            long callCount,
            Double avgLatencyMs,
            Double p95LatencyMs,
            long totalInputTokens,
            long totalOutputTokens,
            BigDecimal totalCostUsd,
            BigDecimal avgCostPerCall) {

        public long totalTokens() {
            return totalInputTokens + totalOutputTokens;
        }
    }
}

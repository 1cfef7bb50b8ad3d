package io.aether.domain.llm.query;

import java.math.BigDecimal;

/**
 * One model's calls in a period. {@code costUsd} sums the calls whose price was known, null when
 * none was; {@code avgLatencyMs} is rounded to whole milliseconds.
 */
public record ModelUsage(
        String model,
        String provider,
        long calls,
        long inputTokens,
        long outputTokens,
        BigDecimal costUsd,
        Double avgLatencyMs) {

    public long totalTokens() {
        return inputTokens + outputTokens;
    }
}

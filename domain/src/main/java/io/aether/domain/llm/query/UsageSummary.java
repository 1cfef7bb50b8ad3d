package io.aether.domain.llm.query;

import java.math.BigDecimal;
import java.util.List;

/**
 * Model calls of a period: how many, their tokens and what the priced ones cost ({@code costUsd}
 * null when calls were made and none of them had a known price), with a row per model.
 */
public record UsageSummary(
        long calls, long inputTokens, long outputTokens, BigDecimal costUsd, List<ModelUsage> byModel) {

    public long totalTokens() {
        return inputTokens + outputTokens;
    }
}

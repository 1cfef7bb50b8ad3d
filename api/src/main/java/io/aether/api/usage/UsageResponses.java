package io.aether.api.usage;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.aether.domain.llm.query.ConversationUsage;
import io.aether.domain.llm.query.DailyUsage;
import io.aether.domain.llm.query.ModelPerformanceList;
import io.aether.domain.llm.query.ModelUsage;
import io.aether.domain.llm.query.ModelUsageList;
import io.aether.domain.llm.query.UsageSummary;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Response bodies of /usage and /models/performance, field for field the original's. Costs are
 * exact decimals in USD: the sum of the priced calls, null when there were calls and none was
 * priced (docs/api.md).
 */
public final class UsageResponses {
    private UsageResponses() {}

    @Schema(name = "UsageSummaryResponse")
    public record Summary(
            int periodDays,
            long totalCalls,
            long totalInputTokens,
            long totalOutputTokens,
            long totalTokens,

            @Schema(nullable = true) @JsonSerialize(using = PlainDecimal.class)
            BigDecimal totalCostUsd,

            List<SummaryModel> byModel) {
        static Summary of(int days, UsageSummary summary) {
            return new Summary(
                    days,
                    summary.calls(),
                    summary.inputTokens(),
                    summary.outputTokens(),
                    summary.totalTokens(),
                    summary.costUsd(),
                    summary.byModel().stream().map(SummaryModel::of).toList());
        }
    }

    @Schema(name = "UsageSummaryModel")
    public record SummaryModel(
            String model,
            @Schema(nullable = true) String provider,
            long calls,
            long tokens,

            @Schema(nullable = true) @JsonSerialize(using = PlainDecimal.class)
            BigDecimal costUsd) {
        static SummaryModel of(ModelUsage usage) {
            return new SummaryModel(
                    usage.model(), usage.provider(), usage.calls(), usage.totalTokens(), usage.costUsd());
        }
    }

    @Schema(name = "DailyUsageResponse")
    public record Daily(int days, List<Day> data) {
        static Daily of(int days, DailyUsage usage) {
            return new Daily(
                    days,
                    usage.days().stream()
                            .map(d -> new Day(d.date(), d.calls(), d.tokens(), d.costUsd()))
                            .toList());
        }
    }

    @Schema(name = "DailyUsageRow")
    public record Day(
            @Schema(description = "the UTC day, YYYY-MM-DD") LocalDate date,
            long calls,
            long tokens,

            @Schema(nullable = true) @JsonSerialize(using = PlainDecimal.class)
            BigDecimal costUsd) {}

    @Schema(name = "ModelUsageResponse")
    public record Models(int days, List<Model> models) {
        static Models of(int days, ModelUsageList list) {
            return new Models(days, list.models().stream().map(Model::of).toList());
        }
    }

    @Schema(name = "ModelUsageRow")
    public record Model(
            String model,
            @Schema(nullable = true) String provider,
            long calls,
            long inputTokens,
            long outputTokens,
            long tokens,

            @Schema(nullable = true) @JsonSerialize(using = PlainDecimal.class)
            BigDecimal costUsd,

            @Schema(nullable = true) Double avgLatencyMs) {
        static Model of(ModelUsage usage) {
            return new Model(
                    usage.model(),
                    usage.provider(),
                    usage.calls(),
                    usage.inputTokens(),
                    usage.outputTokens(),
                    usage.totalTokens(),
                    usage.costUsd(),
                    usage.avgLatencyMs());
        }
    }

    @Schema(name = "ConversationUsageResponse")
    public record Conversation(
            String conversationId,
            long totalCalls,
            long totalInputTokens,
            long totalOutputTokens,
            long totalTokens,

            @Schema(nullable = true) @JsonSerialize(using = PlainDecimal.class)
            BigDecimal totalCostUsd,

            List<Agent> byAgent) {
        static Conversation of(String conversationId, ConversationUsage usage) {
            return new Conversation(
                    conversationId,
                    usage.calls(),
                    usage.inputTokens(),
                    usage.outputTokens(),
                    usage.totalTokens(),
                    usage.costUsd(),
                    usage.byAgent().stream().map(Agent::of).toList());
        }

        static Conversation none(String conversationId) {
            return new Conversation(conversationId, 0, 0, 0, 0, BigDecimal.ZERO, List.of());
        }
    }

    @Schema(name = "ConversationAgentUsage")
    public record Agent(
            @Schema(description = "\"unknown\" when the call named no agent")
            String agentRole,

            String model,
            long calls,
            long tokens,

            @Schema(nullable = true) @JsonSerialize(using = PlainDecimal.class)
            BigDecimal costUsd,

            @Schema(nullable = true) Double avgLatencyMs) {
        static Agent of(ConversationUsage.AgentUsage usage) {
            return new Agent(
                    usage.agentRole() == null ? "unknown" : usage.agentRole(),
                    usage.model(),
                    usage.calls(),
                    usage.tokens(),
                    usage.costUsd(),
                    usage.avgLatencyMs());
        }
    }

    @Schema(name = "ModelPerformanceResponse")
    public record Performance(
            String model,
            @Schema(nullable = true) String agentRole,
            long callCount,
            @Schema(nullable = true) Double avgLatencyMs,
            @Schema(nullable = true) Double p95LatencyMs,
            long totalInputTokens,
            long totalOutputTokens,
            long totalTokens,

            @Schema(nullable = true) @JsonSerialize(using = PlainDecimal.class)
            BigDecimal totalCostUsd,

            @Schema(nullable = true) @JsonSerialize(using = PlainDecimal.class)
            BigDecimal avgCostPerCall) {
        static List<Performance> of(ModelPerformanceList list) {
            return list.items().stream()
                    .map(p -> new Performance(
                            p.model(),
                            p.agentRole(),
                            p.callCount(),
                            p.avgLatencyMs(),
                            p.p95LatencyMs(),
                            p.totalInputTokens(),
                            p.totalOutputTokens(),
                            p.totalTokens(),
                            p.totalCostUsd(),
                            p.avgCostPerCall()))
                    .toList();
        }
    }
}

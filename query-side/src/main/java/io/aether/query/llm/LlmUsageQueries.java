package io.aether.query.llm;

import io.aether.domain.llm.query.ConversationUsage;
import io.aether.domain.llm.query.DailyUsage;
import io.aether.domain.llm.query.FindConversationUsage;
import io.aether.domain.llm.query.ListDailyUsage;
import io.aether.domain.llm.query.ListModelUsage;
import io.aether.domain.llm.query.MeasureModelPerformance;
import io.aether.domain.llm.query.ModelPerformanceList;
import io.aether.domain.llm.query.ModelUsage;
import io.aether.domain.llm.query.ModelUsageList;
import io.aether.domain.llm.query.SummarizeUsage;
import io.aether.domain.llm.query.UsageSummary;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers the usage and performance queries, grouping in SQL. Periods of whole UTC days read the
 * daily rollup through its primary key (a few rows per day, however many calls); a conversation
 * reads its own calls; the performance of a time range reads the calls of that range through the
 * {@code at} index, since a p95 cannot be rolled up. A cost sums the priced calls and is null when
 * there were calls and none of them was priced; no calls cost 0.
 */
@Component
public class LlmUsageQueries {
    /** Scale of an average cost per call (a sum divided by a count need not end). */
    private static final int AVERAGE_COST_SCALE = 10;

    private static final String PERIOD_COST =
            "CASE WHEN coalesce(sum(calls), 0) = 0 THEN 0 WHEN sum(priced_calls) = 0 THEN NULL ELSE sum(cost_usd) END";

    private final JdbcClient jdbc;

    public LlmUsageQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public UsageSummary handle(SummarizeUsage query) {
        List<ModelUsage> byModel = models(query.since());
        return jdbc.sql("""
                        SELECT coalesce(sum(calls), 0) AS calls, coalesce(sum(input_tokens), 0) AS input_tokens,
                            coalesce(sum(output_tokens), 0) AS output_tokens, %s AS cost
                        FROM llm_usage_daily WHERE day >= :since""".formatted(PERIOD_COST))
                .param("since", query.since())
                .query((rs, n) -> new UsageSummary(
                        rs.getLong("calls"),
                        rs.getLong("input_tokens"),
                        rs.getLong("output_tokens"),
                        cost(rs.getBigDecimal("cost")),
                        byModel))
                .single();
    }

    @QueryHandler
    public ModelUsageList handle(ListModelUsage query) {
        return new ModelUsageList(models(query.since()));
    }

    @QueryHandler
    public DailyUsage handle(ListDailyUsage query) {
        return new DailyUsage(jdbc.sql("""
                        SELECT day, sum(calls) AS calls, sum(input_tokens + output_tokens) AS tokens, %s AS cost
                        FROM llm_usage_daily WHERE day >= :since
                        GROUP BY day ORDER BY day""".formatted(PERIOD_COST))
                .param("since", query.since())
                .query((rs, n) -> new DailyUsage.Day(
                        rs.getObject("day", LocalDate.class),
                        rs.getLong("calls"),
                        rs.getLong("tokens"),
                        cost(rs.getBigDecimal("cost"))))
                .list());
    }

    @QueryHandler
    public ConversationUsage handle(FindConversationUsage query) {
        String cost = "CASE WHEN count(*) = 0 THEN 0 ELSE sum(cost_usd) END";
        List<ConversationUsage.AgentUsage> byAgent = jdbc.sql("""
                        SELECT agent_role, model, count(*) AS calls, sum(input_tokens + output_tokens) AS tokens,
                            sum(cost_usd) AS cost, avg(latency_ms) AS latency
                        FROM llm_call WHERE conversation_id = :id
                        GROUP BY agent_role, model
                        ORDER BY cost DESC NULLS LAST, calls DESC, agent_role NULLS LAST, model NULLS LAST""")
                .param("id", query.conversationId())
                .query((rs, n) -> new ConversationUsage.AgentUsage(
                        rs.getString("agent_role"),
                        rs.getString("model"),
                        rs.getLong("calls"),
                        rs.getLong("tokens"),
                        cost(rs.getBigDecimal("cost")),
                        rounded(rs, "latency", 0)))
                .list();
        return jdbc.sql("""
                        SELECT count(*) AS calls, coalesce(sum(input_tokens), 0) AS input_tokens,
                            coalesce(sum(output_tokens), 0) AS output_tokens, %s AS cost
                        FROM llm_call WHERE conversation_id = :id""".formatted(cost))
                .param("id", query.conversationId())
                .query((rs, n) -> new ConversationUsage(
                        query.conversationId(),
                        rs.getLong("calls"),
                        rs.getLong("input_tokens"),
                        rs.getLong("output_tokens"),
                        cost(rs.getBigDecimal("cost")),
                        byAgent))
                .single();
    }

    @QueryHandler
    public ModelPerformanceList handle(MeasureModelPerformance query) {
        String role = query.agentRole() == null ? "" : " AND agent_role = :role";
        var statement =
                jdbc.sql("""
                        SELECT model, agent_role, count(*) AS call_count, avg(latency_ms) AS avg_latency,
                            percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) AS p95_latency,
                            sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens,
                            sum(cost_usd) AS cost, avg(cost_usd) AS avg_cost
                        FROM llm_call WHERE at >= :since%s
                        GROUP BY model, agent_role
                        ORDER BY call_count DESC, model NULLS LAST, agent_role NULLS FIRST""".formatted(role)).param("since", query.since().atOffset(ZoneOffset.UTC));
        if (query.agentRole() != null) {
            statement = statement.param("role", query.agentRole());
        }
        return new ModelPerformanceList(statement
                .query((rs, n) -> new ModelPerformanceList.ModelPerformance(
                        rs.getString("model"),
                        rs.getString("agent_role"),
                        rs.getLong("call_count"),
                        rounded(rs, "avg_latency", 1),
                        rounded(rs, "p95_latency", 1),
                        rs.getLong("input_tokens"),
                        rs.getLong("output_tokens"),
                        cost(rs.getBigDecimal("cost")),
                        averageCost(rs.getBigDecimal("avg_cost"))))
                .list());
    }

    private List<ModelUsage> models(LocalDate since) {
        return jdbc.sql("""
                        SELECT model, provider, sum(calls) AS calls, sum(input_tokens) AS input_tokens,
                            sum(output_tokens) AS output_tokens, sum(latency_ms_sum) AS latency_sum, %s AS cost
                        FROM llm_usage_daily WHERE day >= :since
                        GROUP BY model, provider
                        ORDER BY cost DESC NULLS LAST, calls DESC, model, provider""".formatted(PERIOD_COST))
                .param("since", since)
                .query((rs, n) -> {
                    long calls = rs.getLong("calls");
                    return new ModelUsage(
                            emptyToNull(rs.getString("model")),
                            emptyToNull(rs.getString("provider")),
                            calls,
                            rs.getLong("input_tokens"),
                            rs.getLong("output_tokens"),
                            cost(rs.getBigDecimal("cost")),
                            calls == 0 ? null : (double) Math.round(rs.getDouble("latency_sum") / calls));
                })
                .list();
    }

    /** Exact, without trailing zeros (0 as 0). */
    static BigDecimal cost(BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static BigDecimal averageCost(BigDecimal value) {
        return value == null ? null : cost(value.setScale(AVERAGE_COST_SCALE, RoundingMode.HALF_EVEN));
    }

    private static Double rounded(ResultSet rs, String column, int decimals) throws SQLException {
        double value = rs.getDouble(column);
        if (rs.wasNull()) {
            return null;
        }
        return BigDecimal.valueOf(value)
                .setScale(decimals, RoundingMode.HALF_UP)
                .doubleValue();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}

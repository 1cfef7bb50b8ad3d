package io.aether.query.llm;

import io.aether.domain.llm.LlmCallRecorded;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds {@code llm_call} (one row per model call) and its daily rollup {@code llm_usage_daily}
 * from {@link LlmCallRecorded}. A call is recorded once, so the row insert ignores a redelivery
 * and the rollup only moves when the row was new (both in the batch's transaction): replay-safe.
 * The call's own time ({@code at}, the event's timestamp when absent) places it on its UTC day.
 */
@Component
@ProcessingGroup(LlmUsageProjection.PROCESSING_GROUP)
public class LlmUsageProjection {
    public static final String PROCESSING_GROUP = "llm-usage";

    private final JdbcClient jdbc;

    public LlmUsageProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(LlmCallRecorded event, @Timestamp Instant timestamp) {
        Instant at = event.at() == null ? timestamp : event.at();
        int inserted = jdbc.sql("""
                        INSERT INTO llm_call (call_id, conversation_id, trace_id, provider, model, agent_role,
                            request_type, input_tokens, output_tokens, latency_ms, cost_usd, error, at,
                            actor_type, actor_name)
                        VALUES (:id, :conversation, :trace, :provider, :model, :role, :type, :input, :output,
                            :latency, :cost, :error, :at, :actorType, :actorName)
                        ON CONFLICT (call_id) DO NOTHING""")
                .param("id", event.callId())
                .param("conversation", event.conversationId())
                .param("trace", event.traceId())
                .param("provider", event.provider())
                .param("model", event.model())
                .param("role", event.agentRole())
                .param("type", event.requestType())
                .param("input", event.inputTokens())
                .param("output", event.outputTokens())
                .param("latency", event.latencyMs())
                .param("cost", event.costUsd())
                .param("error", event.error())
                .param("at", at.atOffset(ZoneOffset.UTC))
                .param(
                        "actorType",
                        event.actor() == null ? null : event.actor().type().wire())
                .param("actorName", event.actor() == null ? null : event.actor().name())
                .update();
        if (inserted == 0) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO llm_usage_daily (day, provider, model, agent_role, calls, input_tokens,
                            output_tokens, latency_ms_sum, priced_calls, cost_usd)
                        VALUES (:day, :provider, :model, :role, 1, :input, :output, :latency, :priced, :cost)
                        ON CONFLICT (day, provider, model, agent_role) DO UPDATE SET
                            calls = llm_usage_daily.calls + 1,
                            input_tokens = llm_usage_daily.input_tokens + EXCLUDED.input_tokens,
                            output_tokens = llm_usage_daily.output_tokens + EXCLUDED.output_tokens,
                            latency_ms_sum = llm_usage_daily.latency_ms_sum + EXCLUDED.latency_ms_sum,
                            priced_calls = llm_usage_daily.priced_calls + EXCLUDED.priced_calls,
                            cost_usd = llm_usage_daily.cost_usd + EXCLUDED.cost_usd""")
                .param("day", at.atOffset(ZoneOffset.UTC).toLocalDate())
                .param("provider", blankIfNull(event.provider()))
                .param("model", blankIfNull(event.model()))
                .param("role", blankIfNull(event.agentRole()))
                .param("input", event.inputTokens())
                .param("output", event.outputTokens())
                .param("latency", event.latencyMs())
                .param("priced", event.costUsd() == null ? 0 : 1)
                .param("cost", event.costUsd() == null ? BigDecimal.ZERO : event.costUsd())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE llm_call, llm_usage_daily").update();
    }

    private static String blankIfNull(String value) {
        return value == null ? "" : value;
    }
}

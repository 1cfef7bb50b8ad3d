package io.aether.domain.llm;

import io.aether.domain.actor.Actor;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * One call to a language model: who asked (the actor of the turn), for which agent role and kind
 * of request, what it consumed and how long it took. Chat turns append it to their conversation's
 * stream; the usage, performance and cost read models are folds of these events alone.
 *
 * @param callId unique per model call
 * @param conversationId the conversation of the turn, or null for calls outside a conversation
 * @param traceId the trace of the turn (the chat answer's {@code trace_id}), or null
 * @param provider the configured provider ({@code openai}, {@code ollama}, {@code offline}, ...)
 * @param model the model name as sent to the provider
 * @param agentRole the agent that made the call ({@code architect}, ...)
 * @param requestType {@code chat}, {@code insight}, {@code scheduled} or {@code tool}
 * @param costUsd from the operator's price table, null when the model's price is unknown
 * @param error null when the call succeeded, otherwise a short reason (never message text)
 */
@Revision("1")
public record LlmCallRecorded(
        UUID callId,
        UUID conversationId,
        String traceId,
        String provider,
        String model,
        String agentRole,
        String requestType,
        long inputTokens,
        long outputTokens,
        long latencyMs,
        BigDecimal costUsd,
        String error,
        Instant at,
        Actor actor) {

    public long totalTokens() {
        return inputTokens + outputTokens;
    }
}

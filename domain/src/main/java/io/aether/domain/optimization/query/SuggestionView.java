package io.aether.domain.optimization.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.domain.optimization.SuggestionStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A suggestion as the read model has it; {@code proposalId} once accepted; {@code evidence} the numbers behind it. */
public record SuggestionView(
        UUID id,
        UUID jobId,
        String pattern,
        List<String> entities,
        String proposedTrigger,
        String proposedAction,
        double confidence,
        String sourceInsightType,
        SuggestionStatus status,
        Instant createdAt,
        UUID proposalId,
        JsonNode automation,
        JsonNode evidence) {}

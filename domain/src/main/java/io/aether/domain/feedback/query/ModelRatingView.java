package io.aether.domain.feedback.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** One rating as the read model keeps it. */
public record ModelRatingView(
        UUID id,
        String modelName,
        String agentRole,
        int rating,
        String notes,
        JsonNode configSnapshot,
        String ratedBy,
        Instant createdAt) {}

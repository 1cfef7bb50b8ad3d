package io.aether.domain.feedback.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Per model and role: the average rating, how many ratings, and the newest rating's config. */
public record ModelRatingSummaries(List<Summary> items) {
    public record Summary(
            String modelName, String agentRole, double avgRating, long ratingCount, JsonNode latestConfig) {}
}

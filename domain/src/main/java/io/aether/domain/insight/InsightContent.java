package io.aether.domain.insight;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What an insight says, as created; it never changes afterwards.
 *
 * @param evidence     the numbers, entities and time window behind it (a JSON object)
 * @param confidence   0 to 1
 * @param entities     Home Assistant entity ids it concerns
 * @param scriptOutput a JSON object, or null
 */
public record InsightContent(
        InsightType type,
        String title,
        String description,
        JsonNode evidence,
        double confidence,
        InsightImpact impact,
        List<String> entities,
        String scriptPath,
        JsonNode scriptOutput,
        String mlflowRunId,
        String conversationId,
        String taskLabel) {

    public InsightContent {
        entities = entities == null ? List.of() : List.copyOf(entities);
    }
}

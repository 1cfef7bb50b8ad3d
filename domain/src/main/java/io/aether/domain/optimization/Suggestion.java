package io.aether.domain.optimization;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;

/**
 * An automation an optimization run suggests.
 *
 * @param pattern          what it saw, for people
 * @param proposedTrigger  the trigger, for people ("time at 19:30 (Europe/Amsterdam)")
 * @param proposedAction   the action, for people ("light.turn_on light.hall")
 * @param sourceInsightType the analysis that found it ({@code automation_gap})
 * @param automation       the proposal it becomes when accepted: a {@code POST /proposals} body
 * @param evidence         the numbers behind it (a JSON object)
 */
public record Suggestion(
        UUID suggestionId,
        String pattern,
        List<String> entities,
        String proposedTrigger,
        String proposedAction,
        double confidence,
        String sourceInsightType,
        JsonNode automation,
        JsonNode evidence) {
    public Suggestion {
        entities = entities == null ? List.of() : List.copyOf(entities);
    }
}

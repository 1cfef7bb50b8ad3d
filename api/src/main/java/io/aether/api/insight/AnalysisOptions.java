package io.aether.api.insight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.aether.api.platform.error.ApiException;
import java.util.Map;

/** The analysis options Aether knows, with their ranges: anything else is a 422, not ignored. */
final class AnalysisOptions {
    private static final Map<String, int[]> RANGES = Map.of(
            "unavailable_for_minutes", new int[] {0, 10_080},
            "battery_threshold", new int[] {0, 100});

    private AnalysisOptions() {}

    /** The options as given (an empty object for none), or a 422 naming the first bad one. */
    static JsonNode check(JsonNode options) {
        if (options == null || options.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!options.isObject()) {
            throw ApiException.validation("options must be a JSON object");
        }
        options.fields().forEachRemaining(field -> {
            int[] range = RANGES.get(field.getKey());
            if (range == null) {
                throw ApiException.validation("unknown option '" + field.getKey() + "'; known: " + RANGES.keySet());
            }
            JsonNode value = field.getValue();
            if (!value.canConvertToInt()
                    || !value.isIntegralNumber()
                    || value.asInt() < range[0]
                    || value.asInt() > range[1]) {
                throw ApiException.validation(
                        "option '" + field.getKey() + "' must be an integer from " + range[0] + " to " + range[1]);
            }
        });
        return options;
    }
}

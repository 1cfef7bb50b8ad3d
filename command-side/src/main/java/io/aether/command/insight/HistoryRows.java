package io.aether.command.insight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Home Assistant history rows read as samples: the helpers every history analysis shares. */
final class HistoryRows {
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private HistoryRows() {}

    /**
     * One state of an entity from {@code at} until the next sample.
     *
     * @param byAutomation the row's context names a parent (an automation or script caused it)
     */
    record Sample(Instant at, String state, boolean byAutomation) {
        /** The state as a number, or null when it is not one ({@code unavailable}, {@code on}...). */
        Double number() {
            try {
                double value = Double.parseDouble(state);
                return Double.isFinite(value) ? value : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /** The time window an analysis looked at. */
    record Window(Instant start, Instant end) {
        ObjectNode json() {
            return JSON.objectNode().put("start", start.toString()).put("end", end.toString());
        }

        double hours() {
            return (end.getEpochSecond() - start.getEpochSecond()) / 3600.0;
        }
    }

    /** HA's list of lists, keyed by entity id, each list in time order (rows without a time dropped). */
    static Map<String, List<Sample>> byEntity(List<List<JsonNode>> history) {
        Map<String, List<Sample>> result = new LinkedHashMap<>();
        for (List<JsonNode> rows : history) {
            for (JsonNode row : rows) {
                String entityId = row.path("entity_id").asText("");
                Instant at = time(row.path("last_changed").asText(null));
                if (entityId.isEmpty() || at == null) {
                    continue;
                }
                boolean byAutomation =
                        !row.path("context").path("parent_id").asText("").isEmpty();
                result.computeIfAbsent(entityId, k -> new ArrayList<>())
                        .add(new Sample(at, row.path("state").asText(""), byAutomation));
            }
        }
        result.values().forEach(samples -> samples.sort(Comparator.comparing(Sample::at)));
        return result;
    }

    static Instant time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The friendly name in the entity's current state, else its id. */
    static String name(Map<String, JsonNode> states, String entityId) {
        JsonNode state = states.get(entityId);
        String friendly = state == null
                ? ""
                : state.path("attributes").path("friendly_name").asText("");
        return friendly.isBlank() ? entityId : friendly;
    }

    static String attribute(Map<String, JsonNode> states, String entityId, String name) {
        JsonNode state = states.get(entityId);
        return state == null ? "" : state.path("attributes").path(name).asText("");
    }

    /** Points {@code [{at, value}]}, at most {@code max} of them (every k-th when there are more). */
    static ArrayNode series(List<Instant> at, List<Double> values, int max) {
        ArrayNode series = JSON.arrayNode();
        int step = Math.max(1, (int) Math.ceil(at.size() / (double) max));
        for (int i = 0; i < at.size(); i += step) {
            series.addObject().put("at", at.get(i).toString()).put("value", round(values.get(i), 3));
        }
        return series;
    }

    static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }

    static Map<String, JsonNode> statesById(List<JsonNode> states) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (JsonNode state : states) {
            String id = state.path("entity_id").asText("");
            if (!id.isEmpty()) {
                byId.put(id, state);
            }
        }
        return byId;
    }
}

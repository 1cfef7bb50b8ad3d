package io.aether.command.insight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aether.domain.insight.InsightContent;
import io.aether.domain.insight.InsightImpact;
import io.aether.domain.insight.InsightRules;
import io.aether.domain.insight.InsightType;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The device-health analysis over the home's current states: entities that have been
 * {@code unavailable} or {@code unknown} for at least {@code unavailable_for_minutes} (default 60)
 * become one insight, and each battery ({@code device_class: battery}) below
 * {@code battery_threshold} percent (default 20) one insight of its own. Deterministic: the same
 * states at the same time give the same insights.
 */
final class DeviceHealthAnalysis {
    static final int DEFAULT_UNAVAILABLE_MINUTES = 60;
    static final int DEFAULT_BATTERY_THRESHOLD = 20;
    private static final Set<String> DOWN = Set.of("unavailable", "unknown");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private DeviceHealthAnalysis() {}

    /**
     * @param only    entity ids to look at; empty for all
     * @param options {@code unavailable_for_minutes}, {@code battery_threshold} (absent: defaults)
     */
    static List<InsightContent> run(List<JsonNode> states, Collection<String> only, JsonNode options, Instant now) {
        Duration downFor = Duration.ofMinutes(option(options, "unavailable_for_minutes", DEFAULT_UNAVAILABLE_MINUTES));
        int threshold = option(options, "battery_threshold", DEFAULT_BATTERY_THRESHOLD);
        List<JsonNode> down = new ArrayList<>();
        List<InsightContent> insights = new ArrayList<>();
        for (JsonNode state : states) {
            String entityId = state.path("entity_id").asText();
            if (entityId.isEmpty() || (!only.isEmpty() && !only.contains(entityId))) {
                continue;
            }
            String value = state.path("state").asText();
            if (DOWN.contains(value)) {
                Instant since = changedAt(state);
                if (since == null || !since.plus(downFor).isAfter(now)) {
                    down.add(state);
                }
            } else if ("battery"
                    .equals(state.path("attributes").path("device_class").asText())) {
                lowBattery(state, threshold).ifPresent(insights::add);
            }
        }
        if (!down.isEmpty()) {
            insights.add(0, unavailable(down, downFor));
        }
        return insights;
    }

    private static InsightContent unavailable(List<JsonNode> down, Duration downFor) {
        ObjectNode evidence = JSON.objectNode();
        ArrayNode entities = evidence.putArray("entities");
        List<String> ids = new ArrayList<>();
        for (JsonNode state : down) {
            entities.addObject()
                    .put("entity_id", state.path("entity_id").asText())
                    .put("state", state.path("state").asText())
                    .put("since", state.path("last_changed").asText(null));
            if (ids.size() < InsightRules.MAX_ENTITIES) {
                ids.add(state.path("entity_id").asText());
            }
        }
        evidence.put("unavailable_for_minutes", downFor.toMinutes());
        int n = down.size();
        return new InsightContent(
                InsightType.DEVICE_HEALTH,
                n == 1 ? name(down.get(0)) + " is unavailable" : n + " entities are unavailable",
                "These entities have reported unavailable or unknown for at least " + downFor.toMinutes()
                        + " minutes: check their devices, integrations or batteries.",
                evidence,
                0.9,
                n >= 5 ? InsightImpact.HIGH : InsightImpact.MEDIUM,
                ids,
                null,
                null,
                null,
                null,
                "device_health");
    }

    private static Optional<InsightContent> lowBattery(JsonNode state, int threshold) {
        double level;
        try {
            level = Double.parseDouble(state.path("state").asText());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (level >= threshold) {
            return Optional.empty();
        }
        ObjectNode evidence = JSON.objectNode()
                .put("entity_id", state.path("entity_id").asText())
                .put("battery_level", level)
                .put("threshold", threshold);
        return Optional.of(new InsightContent(
                InsightType.DEVICE_HEALTH,
                name(state) + " battery is low (" + (int) level + " %)",
                "Replace or charge the battery before the device stops reporting.",
                evidence,
                1.0,
                level < threshold / 2.0 ? InsightImpact.HIGH : InsightImpact.MEDIUM,
                List.of(state.path("entity_id").asText()),
                null,
                null,
                null,
                null,
                "device_health"));
    }

    private static String name(JsonNode state) {
        String friendly = state.path("attributes").path("friendly_name").asText("");
        return friendly.isBlank() ? state.path("entity_id").asText() : friendly;
    }

    private static Instant changedAt(JsonNode state) {
        try {
            return OffsetDateTime.parse(state.path("last_changed").asText()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int option(JsonNode options, String name, int fallback) {
        JsonNode value = options == null ? null : options.get(name);
        return value != null && value.canConvertToInt() && value.asInt() >= 0 ? value.asInt() : fallback;
    }
}

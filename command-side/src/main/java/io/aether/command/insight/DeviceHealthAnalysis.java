package io.aether.command.insight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aether.command.insight.HistoryRows.Sample;
import io.aether.command.insight.HistoryRows.Window;
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
import java.util.Map;
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

    /**
     * The history half: each entity that is up now but was {@code unavailable} or {@code unknown}
     * for at least {@code unavailable_for_minutes} at a stretch in the window becomes one insight
     * listing those spans (an entity down now is in {@link #run}'s insight already).
     */
    static List<InsightContent> outages(
            Map<String, List<Sample>> history, Map<String, JsonNode> states, Window window, JsonNode options) {
        Duration downFor = Duration.ofMinutes(option(options, "unavailable_for_minutes", DEFAULT_UNAVAILABLE_MINUTES));
        List<InsightContent> insights = new ArrayList<>();
        for (Map.Entry<String, List<Sample>> entry : history.entrySet()) {
            JsonNode current = states.get(entry.getKey());
            if (current == null || DOWN.contains(current.path("state").asText())) {
                continue;
            }
            List<Sample> samples = entry.getValue();
            ArrayNode spans = JsonNodeFactory.instance.arrayNode();
            long total = 0;
            long longest = 0;
            for (int i = 0; i < samples.size(); i++) {
                Sample sample = samples.get(i);
                if (!DOWN.contains(sample.state())) {
                    continue;
                }
                int j = i;
                while (j + 1 < samples.size()
                        && DOWN.contains(samples.get(j + 1).state())) {
                    j++;
                }
                Instant from = sample.at();
                Instant to = j + 1 < samples.size() ? samples.get(j + 1).at() : window.end();
                long minutes = Duration.between(from, to).toMinutes();
                if (minutes >= downFor.toMinutes() && minutes > 0) {
                    spans.addObject()
                            .put("from", from.toString())
                            .put("to", to.toString())
                            .put("minutes", minutes)
                            .put("state", sample.state());
                    total += minutes;
                    longest = Math.max(longest, minutes);
                }
                i = j;
            }
            if (spans.isEmpty()) {
                continue;
            }
            ObjectNode evidence = JSON.objectNode();
            evidence.put("entity_id", entry.getKey());
            evidence.set("window", window.json());
            evidence.set("spans", spans);
            evidence.put("total_minutes", total);
            evidence.put("longest_minutes", longest);
            evidence.put("unavailable_for_minutes", downFor.toMinutes());
            String name = HistoryRows.name(states, entry.getKey());
            insights.add(new InsightContent(
                    InsightType.DEVICE_HEALTH,
                    name + " was unavailable for " + duration(longest)
                            + (spans.size() == 1 ? "" : " (" + spans.size() + " times)"),
                    "It is back now, but it dropped out for " + duration(total) + " in all during the last "
                            + Math.round(window.hours()) + " h: check its connection, power or battery.",
                    evidence,
                    0.8,
                    longest >= 6 * 60 ? InsightImpact.MEDIUM : InsightImpact.LOW,
                    List.of(entry.getKey()),
                    null,
                    null,
                    null,
                    null,
                    "device_health"));
        }
        return insights;
    }

    private static String duration(long minutes) {
        return minutes >= 120 ? HistoryRows.round(minutes / 60.0, 1) + " h" : minutes + " min";
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

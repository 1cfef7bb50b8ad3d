package io.aether.command.insight;

import static io.aether.command.insight.HistoryRows.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aether.command.insight.HistoryRows.Window;
import io.aether.domain.insight.InsightContent;
import io.aether.domain.insight.InsightImpact;
import io.aether.domain.insight.InsightType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The automation review of an optimization run, over HA's automation entities as they are now:
 * an automation that is {@code unavailable} (its configuration did not load), one that is turned
 * off, and one that is on but has not run in the window ({@code last_triggered} older than its
 * start, or never) each become an {@code automation_inefficiency} insight saying what to check.
 */
final class AutomationUsageAnalysis {
    private AutomationUsageAnalysis() {}

    static List<InsightContent> run(Collection<JsonNode> states, Collection<String> only, Window window) {
        List<InsightContent> insights = new ArrayList<>();
        for (JsonNode state : states) {
            String entityId = state.path("entity_id").asText("");
            if (!entityId.startsWith("automation.") || (!only.isEmpty() && !only.contains(entityId))) {
                continue;
            }
            String name = state.path("attributes").path("friendly_name").asText(entityId);
            String value = state.path("state").asText("");
            String lastTriggered =
                    state.path("attributes").path("last_triggered").asText("");
            Instant last = HistoryRows.time(lastTriggered);
            String reason;
            String title;
            String advice;
            InsightImpact impact;
            switch (value) {
                case "unavailable", "unknown" -> {
                    reason = "unavailable";
                    title = name + " is unavailable";
                    advice = "Home Assistant could not load it: check its configuration (POST /proposals/{id}/validate"
                            + " for one Aether deployed) or HA's error log.";
                    impact = InsightImpact.HIGH;
                }
                case "off" -> {
                    reason = "disabled";
                    title = name + " is turned off";
                    advice =
                            "It will not run until it is turned on; turn it on or remove it if it is no longer wanted.";
                    impact = InsightImpact.LOW;
                }
                default -> {
                    if (last != null && !last.isBefore(window.start())) {
                        continue;
                    }
                    reason = last == null ? "never_triggered" : "not_triggered_in_window";
                    title = name
                            + (last == null
                                    ? " has never run"
                                    : " has not run in the last " + Math.round(window.hours()) + " h");
                    advice = "Its trigger may never match (an entity renamed or removed, a time that does not"
                            + " come): check the trigger, or remove it if it is no longer needed.";
                    impact = InsightImpact.MEDIUM;
                }
            }
            ObjectNode evidence = JSON.objectNode();
            evidence.put("entity_id", entityId);
            evidence.put("state", value);
            evidence.put("reason", reason);
            if (last == null) {
                evidence.putNull("last_triggered");
            } else {
                evidence.put("last_triggered", last.toString());
            }
            evidence.set("window", window.json());
            insights.add(new InsightContent(
                    InsightType.AUTOMATION_INEFFICIENCY,
                    title,
                    advice,
                    evidence,
                    0.9,
                    impact,
                    List.of(entityId),
                    null,
                    null,
                    null,
                    null,
                    "automation_analysis"));
        }
        return insights;
    }
}

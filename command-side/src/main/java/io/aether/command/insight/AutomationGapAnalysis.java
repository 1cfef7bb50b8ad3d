package io.aether.command.insight;

import static io.aether.command.insight.HistoryRows.JSON;
import static io.aether.command.insight.HistoryRows.round;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aether.command.insight.HistoryRows.Sample;
import io.aether.command.insight.HistoryRows.Window;
import io.aether.domain.insight.InsightContent;
import io.aether.domain.insight.InsightImpact;
import io.aether.domain.insight.InsightType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The automation-gap analysis: the same switching of an entity (a light, switch, fan, helper or
 * cover going to the same state) done by hand at a similar time of day (within
 * {@value #TOLERANCE_MINUTES} minutes) on at least {@value #MIN_DAYS} different days becomes a
 * suggested automation: a time trigger at the median time and the service call that makes that
 * switch. Times of day and days are the home's own (HA's configured time zone), because HA fires a
 * time trigger at that local wall-clock time, and a habit keeps its local time across DST. Changes whose context names a parent (an automation or script did them) are
 * not manual and are ignored.
 */
final class AutomationGapAnalysis {
    static final int TOLERANCE_MINUTES = 30;
    static final int MIN_DAYS = 3;
    private static final Map<String, Map<String, String>> SERVICES = Map.of(
            "light", Map.of("on", "turn_on", "off", "turn_off"),
            "switch", Map.of("on", "turn_on", "off", "turn_off"),
            "fan", Map.of("on", "turn_on", "off", "turn_off"),
            "input_boolean", Map.of("on", "turn_on", "off", "turn_off"),
            "cover", Map.of("open", "open_cover", "closed", "close_cover"));
    private static final Set<String> DOWN = Set.of("unavailable", "unknown", "");

    private AutomationGapAnalysis() {}

    /** A manual action repeated at about the same time on several days. */
    record Gap(
            String entityId,
            String toState,
            String service,
            int minuteOfDay,
            int spreadMinutes,
            List<Instant> occurrences,
            int days,
            int daysObserved,
            ZoneId zone) {

        String time() {
            return "%02d:%02d".formatted(minuteOfDay / 60, minuteOfDay % 60);
        }

        double confidence() {
            return round(Math.min(0.95, days / (double) Math.max(days, daysObserved)), 2);
        }

        /** The automation it suggests, as a {@code POST /proposals} body. */
        ObjectNode automation(String name) {
            ObjectNode body = JSON.objectNode();
            String verb = service.replace('_', ' ').replace(" cover", "");
            body.put("name", capitalise(verb) + " " + name + " at " + time());
            body.put(
                    "description",
                    "Suggested because " + name + " was switched to '" + toState + "' by hand at about " + time() + " ("
                            + zone.getId() + ") on " + days + " of " + daysObserved + " days.");
            body.putArray("trigger").addObject().put("trigger", "time").put("at", time() + ":00");
            return withSwitchAction(body, entityId, service);
        }
    }

    /** Completes a suggested automation body: the service call that switches the entity, mode single. */
    static ObjectNode withSwitchAction(ObjectNode body, String entityId, String service) {
        body.putArray("actions")
                .addObject()
                .put("action", entityId.substring(0, entityId.indexOf('.')) + "." + service)
                .putObject("target")
                .put("entity_id", entityId);
        body.put("mode", "single");
        return body;
    }

    /** The service that switches the entity to {@code state} ({@code turn_on}...), or null when none does. */
    static String service(String entityId, String state) {
        int dot = entityId.indexOf('.');
        Map<String, String> services = dot > 0 ? SERVICES.get(entityId.substring(0, dot)) : null;
        return services == null ? null : services.get(state);
    }

    static boolean isSwitchable(String entityId) {
        int dot = entityId.indexOf('.');
        return dot > 0 && SERVICES.containsKey(entityId.substring(0, dot));
    }

    /** Every gap in the history, strongest first. */
    static List<Gap> gaps(Map<String, List<Sample>> history, Window window, ZoneId zone) {
        int daysObserved = (int) Math.max(1, Math.round(window.hours() / 24));
        List<Gap> gaps = new ArrayList<>();
        for (Map.Entry<String, List<Sample>> entry : history.entrySet()) {
            String entityId = entry.getKey();
            if (!isSwitchable(entityId)) {
                continue;
            }
            Map<String, String> services = SERVICES.get(entityId.substring(0, entityId.indexOf('.')));
            Map<String, List<Instant>> byState = new LinkedHashMap<>();
            List<Sample> samples = entry.getValue();
            for (int i = 1; i < samples.size(); i++) {
                Sample before = samples.get(i - 1);
                Sample now = samples.get(i);
                if (now.byAutomation()
                        || DOWN.contains(before.state())
                        || now.state().equals(before.state())
                        || !services.containsKey(now.state())
                        || now.at().isBefore(window.start())) {
                    continue;
                }
                byState.computeIfAbsent(now.state(), k -> new ArrayList<>()).add(now.at());
            }
            byState.forEach((state, times) ->
                    gaps.addAll(cluster(entityId, state, services.get(state), times, daysObserved, zone)));
        }
        gaps.sort(Comparator.comparingInt(Gap::days).reversed().thenComparing(Gap::entityId));
        return gaps;
    }

    static List<InsightContent> run(
            Map<String, List<Sample>> history, Map<String, JsonNode> states, Window window, ZoneId zone) {
        List<InsightContent> insights = new ArrayList<>();
        for (Gap gap : gaps(history, window, zone)) {
            insights.add(insight(gap, HistoryRows.name(states, gap.entityId()), window));
        }
        return insights;
    }

    static InsightContent insight(Gap gap, String name, Window window) {
        ObjectNode evidence = JSON.objectNode();
        evidence.put("entity_id", gap.entityId());
        evidence.set("window", window.json());
        evidence.put("to_state", gap.toState());
        evidence.put("time_of_day", gap.time());
        evidence.put("time_zone", gap.zone().getId());
        evidence.put("spread_minutes", gap.spreadMinutes());
        evidence.put("days", gap.days());
        evidence.put("days_observed", gap.daysObserved());
        ArrayNode occurrences = evidence.putArray("occurrences");
        ArrayNode series = JSON.arrayNode();
        for (Instant at : gap.occurrences()) {
            occurrences.add(at.toString());
            int minute = minuteOfDay(at, gap.zone());
            series.addObject().put("at", at.toString()).put("value", round(minute / 60.0, 3));
        }
        evidence.set("series", series);
        evidence.set("suggested_automation", gap.automation(name));
        return new InsightContent(
                InsightType.AUTOMATION_GAP,
                name + " is switched " + gap.toState() + " by hand at about " + gap.time() + " (" + gap.days() + " of "
                        + gap.daysObserved() + " days)",
                "The same manual action repeats at a similar time every day: an automation with a time trigger at "
                        + gap.time() + " (" + gap.zone().getId() + ") calling "
                        + gap.entityId().substring(0, gap.entityId().indexOf('.'))
                        + "." + gap.service() + " would do it for you (evidence.suggested_automation).",
                evidence,
                gap.confidence(),
                gap.days() >= 7 ? InsightImpact.MEDIUM : InsightImpact.LOW,
                List.of(gap.entityId()),
                null,
                null,
                null,
                null,
                "automation_gap");
    }

    /**
     * Groups the times of day greedily: the time with the most distinct days within the
     * tolerance around it wins (one occurrence per day, the closest), is taken out, and the rest
     * is grouped again.
     */
    private static List<Gap> cluster(
            String entityId, String state, String service, List<Instant> times, int daysObserved, ZoneId zone) {
        List<Gap> found = new ArrayList<>();
        List<Instant> left = new ArrayList<>(times);
        while (left.size() >= MIN_DAYS) {
            List<Instant> best = List.of();
            for (Instant seed : left) {
                List<Instant> around = onePerDay(left, minuteOfDay(seed, zone), zone);
                if (around.size() > best.size()) {
                    best = around;
                }
            }
            if (best.size() < MIN_DAYS) {
                break;
            }
            int[] minutes =
                    best.stream().mapToInt(at -> minuteOfDay(at, zone)).sorted().toArray();
            int median = minutes[minutes.length / 2];
            found.add(new Gap(
                    entityId,
                    state,
                    service,
                    median,
                    minutes[minutes.length - 1] - minutes[0],
                    best.stream().sorted().toList(),
                    best.size(),
                    Math.max(daysObserved, best.size()),
                    zone));
            left.removeAll(best);
        }
        return found;
    }

    /** Per day, the occurrence closest to {@code center} if within the tolerance. */
    private static List<Instant> onePerDay(List<Instant> times, int center, ZoneId zone) {
        Map<LocalDate, Instant> closest = new LinkedHashMap<>();
        for (Instant at : times) {
            int distance = Math.abs(minuteOfDay(at, zone) - center);
            if (distance > TOLERANCE_MINUTES) {
                continue;
            }
            LocalDate day = LocalDate.ofInstant(at, zone);
            Instant current = closest.get(day);
            if (current == null || distance < Math.abs(minuteOfDay(current, zone) - center)) {
                closest.put(day, at);
            }
        }
        Set<Instant> unique = new HashSet<>(closest.values());
        return new ArrayList<>(unique);
    }

    /** The home's wall-clock minute of the day at {@code at}. */
    static int minuteOfDay(Instant at, ZoneId zone) {
        LocalTime local = at.atZone(zone).toLocalTime();
        return local.getHour() * 60 + local.getMinute();
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}

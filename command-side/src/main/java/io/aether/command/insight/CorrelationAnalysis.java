package io.aether.command.insight;

import static io.aether.command.insight.HistoryRows.JSON;
import static io.aether.command.insight.HistoryRows.round;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aether.command.insight.HistoryRows.Sample;
import io.aether.command.insight.HistoryRows.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Correlation discovery: an entity switched by hand (a light, switch, fan, helper or cover going
 * to a state) shortly after another entity changed (a motion sensor turning on, a door opening)
 * is a cause and its effect that an automation could join. A pair becomes a link when the effect
 * followed the cause within {@value #LAG_SECONDS} seconds on at least {@value #MIN_DAYS} days, in
 * at least {@value #MIN_SHARE_PERCENT} % of the effect's switchings and of the cause's changes
 * (so a sensor that changes all day does not "cause" everything). The link suggests an automation
 * with a state trigger on the cause and the service call of the effect.
 */
final class CorrelationAnalysis {
    static final int LAG_SECONDS = 300;
    static final int MIN_DAYS = 3;
    static final int MIN_SHARE_PERCENT = 60;
    private static final Set<String> DOWN = Set.of("unavailable", "unknown", "");

    private CorrelationAnalysis() {}

    /** A change: the entity went to {@code state} at {@code at}. */
    private record Change(String entityId, String state, Instant at, boolean manual) {}

    /**
     * The cause ({@code triggerEntity} going to {@code triggerState}) was followed by the effect
     * ({@code entityId} switched to {@code toState} by hand) {@code followed} times.
     */
    record Link(
            String triggerEntity,
            String triggerState,
            String entityId,
            String toState,
            String service,
            int followed,
            int effects,
            int causes,
            int days,
            long medianLagSeconds) {

        double confidence() {
            double share = Math.min(followed / (double) effects, followed / (double) causes);
            return round(Math.min(0.95, share), 2);
        }

        String trigger() {
            return "state of " + triggerEntity + " to " + triggerState;
        }

        /** The automation it suggests, as a {@code POST /proposals} body. */
        ObjectNode automation(String causeName, String effectName) {
            ObjectNode body = JSON.objectNode();
            body.put("name", effectName + " " + toState + " when " + causeName + " turns " + triggerState);
            body.put(
                    "description",
                    "Suggested because " + effectName + " was switched to '" + toState + "' by hand within "
                            + LAG_SECONDS / 60 + " minutes after " + causeName + " turned '" + triggerState + "' "
                            + followed + " times on " + days + " days (median " + medianLagSeconds + " s later).");
            body.putArray("trigger")
                    .addObject()
                    .put("trigger", "state")
                    .put("entity_id", triggerEntity)
                    .put("to", triggerState);
            return AutomationGapAnalysis.withSwitchAction(body, entityId, service);
        }

        ObjectNode evidence(Window window) {
            ObjectNode evidence = JSON.objectNode();
            evidence.put("trigger_entity_id", triggerEntity);
            evidence.put("trigger_state", triggerState);
            evidence.put("entity_id", entityId);
            evidence.put("to_state", toState);
            evidence.set("window", window.json());
            evidence.put("followed", followed);
            evidence.put("effect_count", effects);
            evidence.put("cause_count", causes);
            evidence.put("days", days);
            evidence.put("median_lag_seconds", medianLagSeconds);
            evidence.put("max_lag_seconds", LAG_SECONDS);
            return evidence;
        }
    }

    /** Every link in the history, strongest first. */
    static List<Link> links(Map<String, List<Sample>> history, Window window, ZoneId zone) {
        Map<String, List<Change>> byEntity = new LinkedHashMap<>();
        history.forEach((entityId, samples) -> byEntity.put(entityId, changes(entityId, samples, window)));
        List<Link> links = new ArrayList<>();
        for (List<Change> effects : byEntity.values()) {
            Map<String, List<Change>> effectsByState = new LinkedHashMap<>();
            for (Change change : effects) {
                if (change.manual() && AutomationGapAnalysis.service(change.entityId(), change.state()) != null) {
                    effectsByState
                            .computeIfAbsent(change.state(), k -> new ArrayList<>())
                            .add(change);
                }
            }
            for (List<Change> effect : effectsByState.values()) {
                for (List<Change> causes : byEntity.values()) {
                    if (causes != effects) {
                        links.addAll(linksBetween(causes, effect, zone));
                    }
                }
            }
        }
        links.sort(Comparator.comparingInt(Link::followed).reversed().thenComparing(Link::entityId));
        return links;
    }

    private static List<Link> linksBetween(List<Change> causes, List<Change> effects, ZoneId zone) {
        Map<String, List<Change>> causesByState = new LinkedHashMap<>();
        causes.forEach(c ->
                causesByState.computeIfAbsent(c.state(), k -> new ArrayList<>()).add(c));
        List<Link> found = new ArrayList<>();
        Duration lag = Duration.ofSeconds(LAG_SECONDS);
        for (List<Change> cause : causesByState.values()) {
            List<Long> lags = new ArrayList<>();
            Set<LocalDate> days = new HashSet<>();
            Set<Instant> causesFollowed = new HashSet<>();
            for (Change effect : effects) {
                Change latest = latestAtOrBefore(cause, effect.at());
                if (latest != null && !latest.at().isBefore(effect.at().minus(lag))) {
                    lags.add(Duration.between(latest.at(), effect.at()).toSeconds());
                    days.add(LocalDate.ofInstant(effect.at(), zone));
                    causesFollowed.add(latest.at());
                }
            }
            int followed = lags.size();
            if (days.size() < MIN_DAYS
                    || followed * 100 < MIN_SHARE_PERCENT * effects.size()
                    || causesFollowed.size() * 100 < MIN_SHARE_PERCENT * cause.size()) {
                continue;
            }
            lags.sort(Long::compare);
            Change effect = effects.get(0);
            found.add(new Link(
                    cause.get(0).entityId(),
                    cause.get(0).state(),
                    effect.entityId(),
                    effect.state(),
                    AutomationGapAnalysis.service(effect.entityId(), effect.state()),
                    followed,
                    effects.size(),
                    cause.size(),
                    days.size(),
                    lags.get(lags.size() / 2)));
        }
        return found;
    }

    /** The last change at or before {@code at} in a list in time order (binary search), or null. */
    private static Change latestAtOrBefore(List<Change> changes, Instant at) {
        int low = 0;
        int high = changes.size() - 1;
        Change found = null;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            Change change = changes.get(middle);
            if (change.at().isAfter(at)) {
                high = middle - 1;
            } else {
                found = change;
                low = middle + 1;
            }
        }
        return found;
    }

    /**
     * The entity's changes inside the window, in time order (the state it started the window in is
     * no change). Numeric states are measurements, not events, and are left out.
     */
    private static List<Change> changes(String entityId, List<Sample> samples, Window window) {
        List<Change> changes = new ArrayList<>();
        for (int i = 1; i < samples.size(); i++) {
            Sample before = samples.get(i - 1);
            Sample now = samples.get(i);
            if (DOWN.contains(before.state())
                    || DOWN.contains(now.state())
                    || now.state().equals(before.state())
                    || now.number() != null
                    || now.at().isBefore(window.start())) {
                continue;
            }
            changes.add(new Change(entityId, now.state(), now.at(), !now.byAutomation()));
        }
        return changes;
    }
}

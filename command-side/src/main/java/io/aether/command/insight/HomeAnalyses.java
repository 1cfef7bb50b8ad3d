package io.aether.command.insight;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.command.insight.HistoryRows.Sample;
import io.aether.command.insight.HistoryRows.Window;
import io.aether.domain.insight.AnalysisType;
import io.aether.domain.insight.InsightContent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Runs one analysis over the home: reads the current states, picks the entities the analysis
 * reads (the requested ones HA knows, else every entity of the kind it reads), reads their
 * history for the window and hands both to the pure analyzer. Requested entities HA does not
 * know are left out and said so in the note; when none is left the analysis finds nothing and the
 * note says why.
 */
final class HomeAnalyses {
    /** Entities per history request at most, so the URL stays short. */
    static final int HISTORY_BATCH = 50;
    /**
     * History rows per request to aim for (a sensor that reports every 10 minutes has about 4,000
     * in 4 weeks): HA's answer is held whole while it is parsed, so a long window is read a few
     * entities at a time, and the per-entity analyses fold each batch before the next is read.
     */
    static final int ROWS_PER_REQUEST = 20_000;
    /** Rows per entity and hour that a batch is sized for (one every 10 minutes). */
    static final int ROWS_PER_HOUR = 6;

    /** The insights found and what the run says about itself (null when nothing to say). */
    record Outcome(List<InsightContent> insights, String note) {}

    private final HomeStates states;
    private final HomeHistory history;

    HomeAnalyses(HomeStates states, HomeHistory history) {
        this.states = states;
        this.history = history;
    }

    Outcome run(AnalysisType type, List<String> requested, int hours, JsonNode options, Instant now) {
        List<JsonNode> home = states.all();
        Map<String, JsonNode> byId = HistoryRows.statesById(home);
        List<String> unknown =
                requested.stream().filter(id -> !byId.containsKey(id)).toList();
        List<String> known = requested.stream().filter(byId::containsKey).toList();
        if (!requested.isEmpty() && known.isEmpty()) {
            return new Outcome(
                    List.of(),
                    "Home Assistant knows none of the requested entities (" + list(unknown)
                            + "), so there was nothing to analyse");
        }
        String skipped = unknown.isEmpty() ? null : "left out entities Home Assistant does not know: " + list(unknown);
        Window window = new Window(now.minus(Duration.ofHours(hours)), now);
        Collection<String> pool = requested.isEmpty() ? byId.keySet() : known;
        List<InsightContent> insights = new ArrayList<>();
        String none = null;
        switch (type) {
            case DEVICE_HEALTH -> {
                insights.addAll(DeviceHealthAnalysis.run(home, requested, options, now));
                forEachBatch(
                        pool,
                        window,
                        rows -> insights.addAll(DeviceHealthAnalysis.outages(rows, byId, window, options)));
            }
            case ENERGY -> {
                List<String> consumers = pick(pool, byId, EnergyAnalysis::isConsumer);
                if (consumers.isEmpty()) {
                    none = "no power or energy sensor (device_class power or energy) among the entities";
                } else {
                    Window previous = new Window(window.start().minus(Duration.ofHours(hours)), window.start());
                    Map<String, List<Sample>> rows = read(consumers, new Window(previous.start(), now));
                    insights.addAll(EnergyAnalysis.run(rows, byId, previous, window));
                }
            }
            case ANOMALY -> {
                List<String> sensors = pick(
                        pool, byId, state -> state.path("entity_id").asText().startsWith("sensor."));
                if (sensors.isEmpty()) {
                    none = "no sensor among the entities";
                } else {
                    forEachBatch(sensors, window, rows -> insights.addAll(AnomalyAnalysis.run(rows, byId, window)));
                }
            }
            case AUTOMATION_GAP -> {
                List<String> switchable = pick(
                        pool,
                        byId,
                        state -> AutomationGapAnalysis.isSwitchable(
                                state.path("entity_id").asText()));
                if (switchable.isEmpty()) {
                    none = "no light, switch, fan, cover or input_boolean among the entities";
                } else {
                    insights.addAll(
                            AutomationGapAnalysis.run(read(switchable, window), byId, window, states.timeZone()));
                }
            }
        }
        String note = none != null ? none + ", so there was nothing to analyse" : null;
        if (skipped != null) {
            note = note == null ? skipped : note + "; " + skipped;
        }
        return new Outcome(insights, note);
    }

    /** The automation gaps in the switchable entities' history (the optimization's behaviour analysis). */
    List<AutomationGapAnalysis.Gap> gaps(List<String> requested, int hours, Instant now) {
        Map<String, JsonNode> byId = HistoryRows.statesById(states.all());
        Collection<String> pool = requested.isEmpty()
                ? byId.keySet()
                : requested.stream().filter(byId::containsKey).toList();
        List<String> switchable = pick(
                pool,
                byId,
                state -> AutomationGapAnalysis.isSwitchable(
                        state.path("entity_id").asText()));
        if (switchable.isEmpty()) {
            return List.of();
        }
        Window window = new Window(now.minus(Duration.ofHours(hours)), now);
        return AutomationGapAnalysis.gaps(read(switchable, window), window, states.timeZone());
    }

    /**
     * The cause-and-effect links in the history (the optimization's correlation discovery): the
     * effects are the switchable entities, the causes every entity whose states are events rather
     * than measurements (sensors are left out).
     */
    List<CorrelationAnalysis.Link> links(List<String> requested, int hours, Instant now) {
        Map<String, JsonNode> byId = HistoryRows.statesById(states.all());
        Collection<String> pool = requested.isEmpty()
                ? byId.keySet()
                : requested.stream().filter(byId::containsKey).toList();
        List<String> entities = pick(pool, byId, state -> {
            String id = state.path("entity_id").asText();
            return !id.startsWith("sensor.") && !id.startsWith("automation.") && !id.startsWith("sun.");
        });
        if (entities.stream().noneMatch(AutomationGapAnalysis::isSwitchable)) {
            return List.of();
        }
        Window window = new Window(now.minus(Duration.ofHours(hours)), now);
        return CorrelationAnalysis.links(read(entities, window), window, states.timeZone());
    }

    Map<String, JsonNode> states() {
        return HistoryRows.statesById(states.all());
    }

    /** Every entity's history in the window, read batch by batch (for analyses across entities). */
    private Map<String, List<Sample>> read(Collection<String> entityIds, Window window) {
        Map<String, List<Sample>> rows = new LinkedHashMap<>();
        forEachBatch(entityIds, window, rows::putAll);
        return rows;
    }

    /** Reads the history a batch of entities at a time and hands each batch on before reading the next. */
    private void forEachBatch(
            Collection<String> entityIds, Window window, Consumer<Map<String, List<Sample>>> analyse) {
        List<String> ids = new ArrayList<>(entityIds);
        int batchSize = batchSize(window);
        for (int i = 0; i < ids.size(); i += batchSize) {
            List<String> batch = ids.subList(i, Math.min(ids.size(), i + batchSize));
            analyse.accept(HistoryRows.byEntity(history.period(batch, window.start(), window.end())));
        }
    }

    static int batchSize(Window window) {
        long rowsPerEntity = Math.max(1, Math.round(window.hours() * ROWS_PER_HOUR));
        return (int) Math.max(1, Math.min(HISTORY_BATCH, ROWS_PER_REQUEST / rowsPerEntity));
    }

    private static List<String> pick(Collection<String> pool, Map<String, JsonNode> byId, Predicate<JsonNode> kind) {
        return pool.stream().filter(id -> kind.test(byId.get(id))).toList();
    }

    private static String list(List<String> ids) {
        return ids.size() <= 5
                ? String.join(", ", ids)
                : String.join(", ", ids.subList(0, 5)) + " and " + (ids.size() - 5) + " more";
    }
}

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
import io.aether.domain.insight.InsightRules;
import io.aether.domain.insight.InsightType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The energy analysis: how much each consumer used in the window and in the window of the same
 * length before it. A power sensor ({@code device_class: power}, W or kW) is integrated as HA
 * records it (each state holds until the next); an energy meter ({@code device_class: energy},
 * Wh or kWh) counts its increase (a drop is a meter reset). Gives one insight ranking the largest
 * consumers, and one per consumer that used at least {@value #RISE_PERCENT} % more than before
 * (and at least {@value #MIN_KWH} kWh).
 */
final class EnergyAnalysis {
    static final double RISE_PERCENT = 25;
    static final double MIN_KWH = 0.5;
    static final int TOP = 10;

    private EnergyAnalysis() {}

    /** Whether the entity's current state says it measures power or energy. */
    static boolean isConsumer(JsonNode state) {
        String deviceClass = state.path("attributes").path("device_class").asText("");
        return deviceClass.equals("power") || deviceClass.equals("energy");
    }

    record Consumer(String entityId, double kwh, double previousKwh, double coverage, ArrayNode series) {
        Double changePercent() {
            return previousKwh > 0 ? round((kwh - previousKwh) / previousKwh * 100, 1) : null;
        }
    }

    static List<InsightContent> run(
            Map<String, List<Sample>> history, Map<String, JsonNode> states, Window previous, Window current) {
        List<Consumer> consumers = new ArrayList<>();
        for (Map.Entry<String, List<Sample>> entry : history.entrySet()) {
            JsonNode state = states.get(entry.getKey());
            if (state == null || !isConsumer(state)) {
                continue;
            }
            String unit = state.path("attributes").path("unit_of_measurement").asText("");
            boolean meter =
                    state.path("attributes").path("device_class").asText("").equals("energy");
            List<Sample> samples = entry.getValue();
            double now = meter ? meterKwh(samples, current, unit) : integrateKwh(samples, current, unit);
            double before = meter ? meterKwh(samples, previous, unit) : integrateKwh(samples, previous, unit);
            Window both = new Window(previous.start(), current.end());
            consumers.add(new Consumer(
                    entry.getKey(), now, before, coverage(samples, both), hourly(samples, both, unit, meter)));
        }
        consumers.removeIf(c -> c.kwh() <= 0 && c.previousKwh() <= 0);
        if (consumers.isEmpty()) {
            return List.of();
        }
        consumers.sort(Comparator.comparingDouble(Consumer::kwh).reversed());
        List<InsightContent> insights = new ArrayList<>();
        insights.add(ranking(consumers, states, previous, current));
        for (Consumer c : consumers) {
            Double change = c.changePercent();
            if (change != null && change >= RISE_PERCENT && c.kwh() >= MIN_KWH) {
                insights.add(rise(c, states, previous, current));
            }
        }
        return insights;
    }

    private static InsightContent ranking(
            List<Consumer> consumers, Map<String, JsonNode> states, Window previous, Window current) {
        double total = consumers.stream().mapToDouble(Consumer::kwh).sum();
        double totalBefore =
                consumers.stream().mapToDouble(Consumer::previousKwh).sum();
        ObjectNode evidence = JSON.objectNode();
        evidence.set("window", current.json());
        evidence.set("previous_window", previous.json());
        evidence.put("total_kwh", round(total, 3));
        evidence.put("previous_total_kwh", round(totalBefore, 3));
        if (totalBefore > 0) {
            evidence.put("change_percent", round((total - totalBefore) / totalBefore * 100, 1));
        } else {
            evidence.putNull("change_percent");
        }
        ArrayNode list = evidence.putArray("consumers");
        List<String> entities = new ArrayList<>();
        for (Consumer c : consumers.subList(0, Math.min(TOP, consumers.size()))) {
            ObjectNode row = list.addObject()
                    .put("entity_id", c.entityId())
                    .put("name", HistoryRows.name(states, c.entityId()))
                    .put("kwh", round(c.kwh(), 3))
                    .put("previous_kwh", round(c.previousKwh(), 3))
                    .put("share", total > 0 ? round(c.kwh() / total, 3) : 0);
            if (c.changePercent() == null) {
                row.putNull("change_percent");
            } else {
                row.put("change_percent", c.changePercent());
            }
            if (entities.size() < InsightRules.MAX_ENTITIES) {
                entities.add(c.entityId());
            }
        }
        Consumer top = consumers.get(0);
        evidence.set("series", top.series());
        double coverage =
                consumers.stream().mapToDouble(Consumer::coverage).min().orElse(0);
        return new InsightContent(
                InsightType.ENERGY_OPTIMIZATION,
                "Largest energy consumer: " + HistoryRows.name(states, top.entityId()) + " (" + fmt(top.kwh())
                        + " kWh in " + hours(current) + ")",
                "Of " + fmt(total) + " kWh measured in the last " + hours(current) + ", "
                        + HistoryRows.name(states, top.entityId()) + " used "
                        + Math.round(total > 0 ? top.kwh() / total * 100 : 0)
                        + " %. The evidence ranks every measured consumer against the period before.",
                evidence,
                round(HistoryRows.clamp(coverage), 2),
                InsightImpact.MEDIUM,
                entities,
                null,
                null,
                null,
                null,
                "energy");
    }

    private static InsightContent rise(Consumer c, Map<String, JsonNode> states, Window previous, Window current) {
        ObjectNode evidence = JSON.objectNode();
        evidence.put("entity_id", c.entityId());
        evidence.set("window", current.json());
        evidence.set("previous_window", previous.json());
        evidence.put("kwh", round(c.kwh(), 3));
        evidence.put("previous_kwh", round(c.previousKwh(), 3));
        evidence.put("change_percent", c.changePercent());
        evidence.set("series", c.series());
        String name = HistoryRows.name(states, c.entityId());
        return new InsightContent(
                InsightType.ENERGY_OPTIMIZATION,
                name + " used " + Math.round(c.changePercent()) + " % more energy than in the previous "
                        + hours(current),
                name + " used " + fmt(c.kwh()) + " kWh in the last " + hours(current) + " against "
                        + fmt(c.previousKwh()) + " kWh in the " + hours(current)
                        + " before: check its settings or whether something changed.",
                evidence,
                round(HistoryRows.clamp(c.coverage()), 2),
                c.changePercent() >= 50 && c.kwh() >= 5 ? InsightImpact.HIGH : InsightImpact.MEDIUM,
                List.of(c.entityId()),
                null,
                null,
                null,
                null,
                "energy");
    }

    /** kWh of a power series over the window: each reading holds until the next one. */
    static double integrateKwh(List<Sample> samples, Window window, String unit) {
        double kilo = unit.toLowerCase(Locale.ROOT).equals("kw") ? 1 : 0.001;
        double kwh = 0;
        for (int i = 0; i < samples.size(); i++) {
            Double value = samples.get(i).number();
            if (value == null) {
                continue;
            }
            Instant from = max(samples.get(i).at(), window.start());
            Instant to = min(i + 1 < samples.size() ? samples.get(i + 1).at() : window.end(), window.end());
            if (to.isAfter(from)) {
                kwh += value * kilo * Duration.between(from, to).toMillis() / 3_600_000.0;
            }
        }
        return kwh;
    }

    /** kWh an energy meter counted in the window: the sum of its increases (a drop is a reset). */
    static double meterKwh(List<Sample> samples, Window window, String unit) {
        double scale = unit.toLowerCase(Locale.ROOT).equals("wh") ? 0.001 : 1;
        double kwh = 0;
        Double last = null;
        for (Sample sample : samples) {
            Double value = sample.number();
            if (value == null || sample.at().isAfter(window.end())) {
                continue;
            }
            if (sample.at().isAfter(window.start()) && last != null) {
                kwh += (value >= last ? value - last : value) * scale;
            }
            last = value;
        }
        return kwh;
    }

    /** The share of the window the series had numeric readings for. */
    private static double coverage(List<Sample> samples, Window window) {
        long covered = 0;
        for (int i = 0; i < samples.size(); i++) {
            if (samples.get(i).number() == null) {
                continue;
            }
            Instant from = max(samples.get(i).at(), window.start());
            Instant to = min(i + 1 < samples.size() ? samples.get(i + 1).at() : window.end(), window.end());
            if (to.isAfter(from)) {
                covered += Duration.between(from, to).toSeconds();
            }
        }
        long length = Duration.between(window.start(), window.end()).toSeconds();
        return length == 0 ? 0 : covered / (double) length;
    }

    /** kWh per hour over both windows, as the report charts it (one pass over the samples). */
    private static ArrayNode hourly(List<Sample> samples, Window window, String unit, boolean meter) {
        int hours = (int) Math.ceil(window.hours());
        double[] kwh = new double[Math.max(hours, 0)];
        if (meter) {
            double scale = unit.toLowerCase(Locale.ROOT).equals("wh") ? 0.001 : 1;
            Double last = null;
            for (Sample sample : samples) {
                Double value = sample.number();
                if (value == null || sample.at().isAfter(window.end())) {
                    continue;
                }
                int slot = slot(window, sample.at());
                if (last != null && slot >= 0 && slot < kwh.length) {
                    kwh[slot] += (value >= last ? value - last : value) * scale;
                }
                last = value;
            }
        } else {
            double kilo = unit.toLowerCase(Locale.ROOT).equals("kw") ? 1 : 0.001;
            for (int i = 0; i < samples.size(); i++) {
                Double value = samples.get(i).number();
                if (value == null) {
                    continue;
                }
                Instant from = max(samples.get(i).at(), window.start());
                Instant to = min(i + 1 < samples.size() ? samples.get(i + 1).at() : window.end(), window.end());
                while (from.isBefore(to)) {
                    int slot = slot(window, from);
                    Instant slotEnd = min(window.start().plus(Duration.ofHours(slot + 1L)), to);
                    if (slot >= 0 && slot < kwh.length) {
                        kwh[slot] +=
                                value * kilo * Duration.between(from, slotEnd).toMillis() / 3_600_000.0;
                    }
                    from = slotEnd;
                }
            }
        }
        List<Instant> at = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int h = 0; h < kwh.length; h++) {
            at.add(window.start().plus(Duration.ofHours(h)));
            values.add(kwh[h]);
        }
        return HistoryRows.series(at, values, AnomalyAnalysis.MAX_SERIES_POINTS);
    }

    /** The hour of the window the instant falls in (a reading at a slot's end counts to the next). */
    private static int slot(Window window, Instant at) {
        return (int) Math.floorDiv(Duration.between(window.start(), at).toSeconds(), 3600L);
    }

    private static String hours(Window window) {
        long h = Math.round(window.hours());
        return h % 24 == 0 && h > 24 ? h / 24 + " days" : h + " h";
    }

    private static String fmt(double kwh) {
        return String.valueOf(round(kwh, kwh >= 10 ? 1 : 2));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}

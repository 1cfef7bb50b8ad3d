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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The anomaly analysis: in each numeric series, a reading whose robust z-score
 * {@code 0.6745 * (x - median) / MAD} (MAD: the median absolute deviation) exceeds
 * {@value #THRESHOLD} in absolute value is an anomaly. A series with fewer than
 * {@value #MIN_POINTS} readings, or a MAD of 0 (mostly one value, such as an idle appliance), has
 * no robust spread and is skipped. One insight per entity with anomalies.
 */
final class AnomalyAnalysis {
    static final double THRESHOLD = 3.5;
    static final int MIN_POINTS = 10;
    static final int MAX_SERIES_POINTS = 1000;

    private AnomalyAnalysis() {}

    /** The robust z-score of every value (NaN for all when the MAD is 0). */
    static double[] robustZ(double[] values) {
        double median = median(values);
        double mad = mad(values, median);
        double[] z = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            z[i] = mad == 0 ? Double.NaN : 0.6745 * (values[i] - median) / mad;
        }
        return z;
    }

    static List<InsightContent> run(Map<String, List<Sample>> history, Map<String, JsonNode> states, Window window) {
        List<InsightContent> insights = new ArrayList<>();
        for (Map.Entry<String, List<Sample>> entry : history.entrySet()) {
            List<Instant> at = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (Sample sample : entry.getValue()) {
                Double number = sample.number();
                if (number != null) {
                    at.add(sample.at());
                    values.add(number);
                }
            }
            if (values.size() < MIN_POINTS) {
                continue;
            }
            double[] x = values.stream().mapToDouble(Double::doubleValue).toArray();
            double median = median(x);
            double mad = mad(x, median);
            if (mad == 0) {
                continue;
            }
            ArrayNode anomalies = JSON.arrayNode();
            double maxZ = 0;
            double worst = median;
            for (int i = 0; i < x.length; i++) {
                double z = 0.6745 * (x[i] - median) / mad;
                if (Math.abs(z) > THRESHOLD) {
                    anomalies
                            .addObject()
                            .put("at", at.get(i).toString())
                            .put("value", x[i])
                            .put("z_score", round(z, 2));
                    if (Math.abs(z) > maxZ) {
                        maxZ = Math.abs(z);
                        worst = x[i];
                    }
                }
            }
            if (anomalies.isEmpty()) {
                continue;
            }
            insights.add(insight(entry.getKey(), states, window, at, values, median, mad, anomalies, maxZ, worst));
        }
        return insights;
    }

    private static InsightContent insight(
            String entityId,
            Map<String, JsonNode> states,
            Window window,
            List<Instant> at,
            List<Double> values,
            double median,
            double mad,
            ArrayNode anomalies,
            double maxZ,
            double worst) {
        String name = HistoryRows.name(states, entityId);
        String unit = HistoryRows.attribute(states, entityId, "unit_of_measurement");
        ObjectNode evidence = JSON.objectNode();
        evidence.put("entity_id", entityId);
        evidence.set("window", window.json());
        evidence.put("points", values.size());
        evidence.put("median", round(median, 3));
        evidence.put("mad", round(mad, 3));
        evidence.put("threshold", THRESHOLD);
        evidence.put("max_abs_z_score", round(maxZ, 2));
        evidence.put("anomaly_count", anomalies.size());
        if (!unit.isEmpty()) {
            evidence.put("unit", unit);
        }
        evidence.set("anomalies", anomalies);
        evidence.set("series", HistoryRows.series(at, values, MAX_SERIES_POINTS));
        int n = anomalies.size();
        String reading = n == 1 ? "1 unusual reading" : n + " unusual readings";
        return new InsightContent(
                InsightType.ANOMALY,
                name + ": " + reading + " (up to " + fmt(worst) + (unit.isEmpty() ? "" : " " + unit) + ")",
                "Against its usual range (median " + fmt(median) + ", median absolute deviation " + fmt(mad)
                        + ") " + (n == 1 ? "one reading" : n + " readings")
                        + " had a robust z-score above " + THRESHOLD + " (up to " + round(maxZ, 1)
                        + "): check the sensor and what happened at that time.",
                evidence,
                confidence(maxZ),
                maxZ >= 2 * THRESHOLD ? InsightImpact.HIGH : InsightImpact.MEDIUM,
                List.of(entityId),
                null,
                null,
                null,
                null,
                "anomaly");
    }

    /** 0.5 just over the threshold, rising to 0.99 at twice the threshold. */
    static double confidence(double maxZ) {
        return round(Math.min(0.99, 0.5 + 0.5 * Math.min(1, (maxZ - THRESHOLD) / THRESHOLD)), 2);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double mad(double[] values, double median) {
        double[] deviations = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            deviations[i] = Math.abs(values[i] - median);
        }
        return median(deviations);
    }

    private static String fmt(double value) {
        double r = round(value, 2);
        return r == Math.rint(r) ? String.valueOf((long) r) : String.valueOf(r);
    }
}

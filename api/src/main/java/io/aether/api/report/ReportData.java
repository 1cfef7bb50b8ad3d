package io.aether.api.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.domain.insight.InsightContent;
import io.aether.domain.optimization.query.SuggestionView;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The numbers of a report, read from the evidence of its insights and suggestions. An analyser
 * that looked at a series puts it in its evidence as {@code series: [{at, value}]} and the points
 * it found odd as {@code anomalies: [{at, value}]}; other evidence contributes its top-level
 * numbers (a battery level, minutes unavailable). The chart and the CSV are drawn from the same rows.
 */
record ReportData(List<Series> series, List<Measure> measures) {

    /** What a report draws: an insight or a suggestion, its kind, and its evidence. */
    record Source(String id, String type, String impact, double confidence, String label, JsonNode evidence) {
        static Source of(String id, InsightContent insight) {
            return new Source(
                    id,
                    insight.type().wire(),
                    insight.impact().wire(),
                    insight.confidence(),
                    ReportData.label(insight),
                    insight.evidence());
        }

        /** A suggestion has no impact; its kind is the analysis that made it. */
        static Source of(SuggestionView suggestion) {
            JsonNode evidence = suggestion.evidence();
            String label = evidence != null && evidence.path("entity_id").isTextual()
                    ? evidence.path("entity_id").asText()
                    : suggestion.pattern();
            return new Source(
                    suggestion.id().toString(),
                    suggestion.sourceInsightType(),
                    "suggestion",
                    suggestion.confidence(),
                    label,
                    evidence);
        }
    }

    /** One insight's analysed series and the anomalies found in it. */
    record Series(String label, List<Point> points, List<Point> anomalies) {}

    record Point(Instant at, double value) {}

    /** A number an insight's evidence gives, such as battery_level of one entity. */
    record Measure(
            String insightId, String type, String impact, double confidence, String label, String name, double value) {}

    static ReportData of(List<Source> sources) {
        List<Series> series = new ArrayList<>();
        List<Measure> measures = new ArrayList<>();
        for (Source source : sources) {
            JsonNode evidence = source.evidence();
            String label = source.label();
            if (evidence != null && evidence.path("series").isArray()) {
                series.add(new Series(label, points(evidence.path("series")), points(evidence.path("anomalies"))));
            }
            if (evidence != null && evidence.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> fields = evidence.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (field.getValue().isNumber()) {
                        measures.add(new Measure(
                                source.id(),
                                source.type(),
                                source.impact(),
                                source.confidence(),
                                label,
                                field.getKey(),
                                field.getValue().asDouble()));
                    }
                }
            }
        }
        return new ReportData(series, measures);
    }

    boolean isEmpty() {
        return series.isEmpty() && measures.isEmpty();
    }

    /** The entity an insight is about, else its title. */
    private static String label(InsightContent insight) {
        JsonNode evidence = insight.evidence();
        if (evidence != null && evidence.path("entity_id").isTextual()) {
            return evidence.path("entity_id").asText();
        }
        return insight.entities().isEmpty()
                ? insight.title()
                : insight.entities().get(0);
    }

    private static List<Point> points(JsonNode array) {
        List<Point> points = new ArrayList<>();
        for (JsonNode point : array) {
            JsonNode at = point.path("at");
            JsonNode value = point.path("value");
            if (at.isTextual() && value.isNumber()) {
                try {
                    points.add(new Point(Instant.parse(at.asText()), value.asDouble()));
                } catch (DateTimeParseException e) {
                    // a point without a readable time cannot be placed on the chart
                }
            }
        }
        return points;
    }
}

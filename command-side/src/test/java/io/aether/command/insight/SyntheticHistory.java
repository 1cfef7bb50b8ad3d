package io.aether.command.insight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aether.command.insight.HistoryRows.Sample;
import io.aether.command.insight.HistoryRows.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/** Synthetic series with known answers, shared by the analyzer tests. */
final class SyntheticHistory {
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private SyntheticHistory() {}

    static Window lastHours(int hours) {
        return new Window(NOW.minus(Duration.ofHours(hours)), NOW);
    }

    /** One sample every {@code step} over the window, valued by slot index. */
    static List<Sample> every(Duration step, Window window, LongFunction<String> value) {
        List<Sample> samples = new ArrayList<>();
        long i = 0;
        for (Instant at = window.start(); at.isBefore(window.end()); at = at.plus(step), i++) {
            samples.add(new Sample(at, value.apply(i), false));
        }
        return samples;
    }

    /** A daily cycle with bounded, deterministic noise. */
    static String cycle(long slot, double mean, double amplitude, double noise) {
        double hour = (slot % 144) / 6.0;
        double jitter = Math.sin(slot * 12.9898) * noise;
        return String.valueOf(Math.round((mean + amplitude * Math.sin(2 * Math.PI * hour / 24) + jitter) * 100)
                / 100.0);
    }

    static Map<String, List<Sample>> of(String entityId, List<Sample> samples) {
        Map<String, List<Sample>> history = new LinkedHashMap<>();
        history.put(entityId, samples);
        return history;
    }

    static Map<String, JsonNode> states(String... idClassUnit) {
        Map<String, JsonNode> states = new LinkedHashMap<>();
        for (int i = 0; i < idClassUnit.length; i += 3) {
            ObjectNode state = JsonNodeFactory.instance
                    .objectNode()
                    .put("entity_id", idClassUnit[i])
                    .put("state", "1");
            state.putObject("attributes")
                    .put("device_class", idClassUnit[i + 1])
                    .put("unit_of_measurement", idClassUnit[i + 2])
                    .put("friendly_name", idClassUnit[i]);
            states.put(idClassUnit[i], state);
        }
        return states;
    }
}

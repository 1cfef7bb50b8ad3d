package io.aether.command.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.aether.command.insight.HistoryRows.Window;
import io.aether.domain.insight.AnalysisType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Long windows are read a few entities at a time, so HA's answer stays small whatever the home. */
class HomeAnalysesBatchTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private static Window hours(int hours) {
        return new Window(NOW.minus(Duration.ofHours(hours)), NOW);
    }

    @Test
    void theBatchShrinksAsTheWindowGrows() {
        assertThat(HomeAnalyses.batchSize(hours(1))).isEqualTo(HomeAnalyses.HISTORY_BATCH);
        assertThat(HomeAnalyses.batchSize(hours(168))).isEqualTo(19);
        assertThat(HomeAnalyses.batchSize(hours(672))).isEqualTo(4);
        assertThat(HomeAnalyses.batchSize(hours(100_000))).isEqualTo(1);
    }

    @Test
    void anAnomalyAnalysisOfFourWeeksReadsTheSensorsInSmallBatches() {
        List<JsonNode> states = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            states.add(JsonNodeFactory.instance
                    .objectNode()
                    .put("entity_id", "sensor.t" + i)
                    .put("state", "20"));
        }
        List<Integer> requested = new ArrayList<>();
        HomeStates home = new HomeStates() {
            @Override
            public List<JsonNode> all() {
                return states;
            }

            @Override
            public ZoneId timeZone() {
                return ZoneOffset.UTC;
            }
        };
        HomeHistory history = (Collection<String> ids, Instant start, Instant end) -> {
            requested.add(ids.size());
            return List.of();
        };

        new HomeAnalyses(home, history).run(AnalysisType.ANOMALY, List.of(), 672, null, NOW);

        assertThat(requested).hasSize(25).allMatch(n -> n == 4);
    }
}

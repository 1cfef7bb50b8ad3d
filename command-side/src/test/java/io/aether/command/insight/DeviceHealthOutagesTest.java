package io.aether.command.insight;

import static io.aether.command.insight.SyntheticHistory.every;
import static io.aether.command.insight.SyntheticHistory.lastHours;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aether.command.insight.HistoryRows.Sample;
import io.aether.command.insight.HistoryRows.Window;
import io.aether.domain.insight.InsightContent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Device health from history: long unavailable spans of entities that are up again. */
class DeviceHealthOutagesTest {
    private static final Window WINDOW = lastHours(48);
    private static final Map<String, JsonNode> STATES = SyntheticHistory.states("sensor.garden", "temperature", "°C");

    @Test
    void aSixHourOutageIsReportedWithItsSpan() {
        // 10-minute samples; slots 60..95 unavailable = 6 h
        List<Sample> series = every(Duration.ofMinutes(10), WINDOW, i -> i >= 60 && i < 96 ? "unavailable" : "9");
        List<InsightContent> found =
                DeviceHealthAnalysis.outages(SyntheticHistory.of("sensor.garden", series), STATES, WINDOW, null);
        assertThat(found).hasSize(1);
        JsonNode evidence = found.get(0).evidence();
        assertThat(evidence.get("spans")).hasSize(1);
        assertThat(evidence.get("spans").get(0).get("minutes").asLong()).isEqualTo(360);
        assertThat(evidence.get("spans").get(0).get("from").asText())
                .isEqualTo(series.get(60).at().toString());
        assertThat(found.get(0).title()).isEqualTo("sensor.garden was unavailable for 6.0 h");
    }

    @Test
    void shortDropoutsAndEntitiesDownNowAreNotOutages() {
        List<Sample> blip = every(Duration.ofMinutes(10), WINDOW, i -> i >= 60 && i < 63 ? "unknown" : "9");
        assertThat(DeviceHealthAnalysis.outages(SyntheticHistory.of("sensor.garden", blip), STATES, WINDOW, null))
                .isEmpty();
        List<Sample> down = every(Duration.ofMinutes(10), WINDOW, i -> i >= 60 ? "unavailable" : "9");
        Map<String, JsonNode> downNow = SyntheticHistory.states("sensor.garden", "temperature", "°C");
        ((ObjectNode) downNow.get("sensor.garden")).put("state", "unavailable");
        assertThat(DeviceHealthAnalysis.outages(SyntheticHistory.of("sensor.garden", down), downNow, WINDOW, null))
                .as("the current-state half reports it")
                .isEmpty();
    }
}

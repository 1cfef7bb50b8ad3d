package io.aether.command.insight;

import static io.aether.command.insight.SyntheticHistory.cycle;
import static io.aether.command.insight.SyntheticHistory.every;
import static io.aether.command.insight.SyntheticHistory.lastHours;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.command.insight.HistoryRows.Sample;
import io.aether.command.insight.HistoryRows.Window;
import io.aether.domain.insight.InsightContent;
import io.aether.domain.insight.InsightType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The robust z-score analysis on synthetic series with known answers. */
class AnomalyAnalysisTest {
    private static final Window WINDOW = lastHours(48);
    private static final Map<String, JsonNode> STATES = SyntheticHistory.states("sensor.t", "temperature", "°C");

    @Test
    void theRobustZScoreIsScaledByTheMedianAbsoluteDeviation() {
        // median 3, deviations 2 1 0 1 2 -> MAD 1; z(5) = 0.6745 * 2 / 1
        double[] z = AnomalyAnalysis.robustZ(new double[] {1, 2, 3, 4, 5});
        assertThat(z[4]).isCloseTo(1.349, within(1e-9));
        assertThat(z[2]).isZero();
        assertThat(AnomalyAnalysis.robustZ(new double[] {7, 7, 7, 9})[3]).isNaN();
    }

    @Test
    void aPlantedSpikeIsFoundWithItsTimeValueAndScore() {
        List<Sample> series = every(Duration.ofMinutes(10), WINDOW, i -> i == 100 ? "35.0" : cycle(i, 21, 1.5, 0.2));
        List<InsightContent> found = AnomalyAnalysis.run(SyntheticHistory.of("sensor.t", series), STATES, WINDOW);

        assertThat(found).hasSize(1);
        InsightContent insight = found.get(0);
        assertThat(insight.type()).isEqualTo(InsightType.ANOMALY);
        assertThat(insight.entities()).containsExactly("sensor.t");
        JsonNode evidence = insight.evidence();
        assertThat(evidence.get("anomalies")).hasSize(1);
        JsonNode anomaly = evidence.get("anomalies").get(0);
        assertThat(anomaly.get("at").asText()).isEqualTo(series.get(100).at().toString());
        assertThat(anomaly.get("value").asDouble()).isEqualTo(35.0);
        assertThat(anomaly.get("z_score").asDouble()).isGreaterThan(AnomalyAnalysis.THRESHOLD);
        assertThat(evidence.get("threshold").asDouble()).isEqualTo(3.5);
        assertThat(evidence.get("series").size()).isEqualTo(series.size());
        assertThat(evidence.get("window").get("end").asText())
                .isEqualTo(WINDOW.end().toString());
        assertThat(insight.confidence()).isBetween(0.5, 1.0);
    }

    @Test
    void aCleanSeriesYieldsNone() {
        List<Sample> series = every(Duration.ofMinutes(10), WINDOW, i -> cycle(i, 21, 1.5, 0.2));
        assertThat(AnomalyAnalysis.run(SyntheticHistory.of("sensor.t", series), STATES, WINDOW))
                .isEmpty();
    }

    @Test
    void aSeriesWithoutSpreadOrWithTooFewReadingsIsSkipped() {
        List<Sample> idle = every(Duration.ofMinutes(10), WINDOW, i -> i % 50 == 0 ? "1800" : "0");
        assertThat(AnomalyAnalysis.run(SyntheticHistory.of("sensor.t", idle), STATES, WINDOW))
                .as("MAD 0: no robust spread")
                .isEmpty();
        List<Sample> few = every(Duration.ofHours(6), WINDOW, i -> i == 3 ? "90" : "20");
        assertThat(AnomalyAnalysis.run(SyntheticHistory.of("sensor.t", few), STATES, WINDOW))
                .isEmpty();
    }

    @Test
    void unavailableReadingsAreNotNumbersAndDoNotCount() {
        List<Sample> series =
                every(Duration.ofMinutes(10), WINDOW, i -> i >= 40 && i < 76 ? "unavailable" : cycle(i, 8, 4, 0.3));
        assertThat(AnomalyAnalysis.run(SyntheticHistory.of("sensor.t", series), STATES, WINDOW))
                .isEmpty();
    }
}

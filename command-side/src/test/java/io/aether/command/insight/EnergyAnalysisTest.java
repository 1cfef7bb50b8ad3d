package io.aether.command.insight;

import static io.aether.command.insight.SyntheticHistory.every;
import static io.aether.command.insight.SyntheticHistory.lastHours;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.command.insight.HistoryRows.Sample;
import io.aether.command.insight.HistoryRows.Window;
import io.aether.domain.insight.InsightContent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Consumers ranked by kWh and their change against the period before, on known series. */
class EnergyAnalysisTest {
    private static final Window CURRENT = lastHours(24);
    private static final Window PREVIOUS = new Window(CURRENT.start().minus(Duration.ofHours(24)), CURRENT.start());
    private static final Window BOTH = new Window(PREVIOUS.start(), CURRENT.end());
    private static final Map<String, JsonNode> STATES = SyntheticHistory.states(
            "sensor.heat_pump",
            "power",
            "W",
            "sensor.fridge",
            "power",
            "W",
            "sensor.meter",
            "energy",
            "kWh",
            "sensor.t",
            "temperature",
            "°C");

    @Test
    void aConstantDrawIsIntegratedStepwise() {
        List<Sample> kilowatt = List.of(new Sample(BOTH.start(), "1000", false));
        assertThat(EnergyAnalysis.integrateKwh(kilowatt, CURRENT, "W")).isCloseTo(24.0, within(1e-9));
        assertThat(EnergyAnalysis.integrateKwh(List.of(new Sample(BOTH.start(), "2", false)), CURRENT, "kW"))
                .isCloseTo(48.0, within(1e-9));
    }

    @Test
    void aMeterCountsItsIncreasesAcrossAReset() {
        List<Sample> meter = List.of(
                new Sample(CURRENT.start().minusSeconds(60), "100", false),
                new Sample(CURRENT.start().plus(Duration.ofHours(2)), "104", false),
                new Sample(CURRENT.start().plus(Duration.ofHours(3)), "1", false),
                new Sample(CURRENT.start().plus(Duration.ofHours(4)), "3", false));
        assertThat(EnergyAnalysis.meterKwh(meter, CURRENT, "kWh")).isCloseTo(7.0, within(1e-9));
        Map<String, List<Sample>> history = new LinkedHashMap<>();
        history.put("sensor.meter", meter);
        JsonNode series = EnergyAnalysis.run(history, STATES, PREVIOUS, CURRENT)
                .get(0)
                .evidence()
                .get("series");
        assertThat(series.get(26).get("value").asDouble())
                .as("hour 2 of the current day")
                .isEqualTo(4.0);
        assertThat(series.get(27).get("value").asDouble())
                .as("the reset counts its new reading")
                .isEqualTo(1.0);
    }

    @Test
    void theLargestConsumerIsRankedFirstAndItsRiseIsAnInsight() {
        Map<String, List<Sample>> history = new LinkedHashMap<>();
        // heat pump: 500 W before, 750 W now (+50 %); fridge: 100 W throughout
        history.put("sensor.heat_pump", every(Duration.ofMinutes(10), BOTH, i -> i < 144 ? "500" : "750"));
        history.put("sensor.fridge", every(Duration.ofMinutes(10), BOTH, i -> "100"));
        history.put("sensor.t", every(Duration.ofMinutes(10), BOTH, i -> "21"));

        List<InsightContent> found = EnergyAnalysis.run(history, STATES, PREVIOUS, CURRENT);

        assertThat(found).hasSize(2);
        JsonNode ranking = found.get(0).evidence();
        assertThat(ranking.get("consumers")).hasSize(2);
        assertThat(ranking.get("consumers").get(0).get("entity_id").asText()).isEqualTo("sensor.heat_pump");
        assertThat(ranking.get("consumers").get(0).get("kwh").asDouble()).isCloseTo(18.0, within(1e-6));
        assertThat(ranking.get("consumers").get(0).get("previous_kwh").asDouble())
                .isCloseTo(12.0, within(1e-6));
        assertThat(ranking.get("consumers").get(1).get("kwh").asDouble()).isCloseTo(2.4, within(1e-6));
        assertThat(ranking.get("total_kwh").asDouble()).isCloseTo(20.4, within(1e-6));
        assertThat(ranking.get("series").size()).isEqualTo(48);
        assertThat(ranking.get("series").get(0).get("value").asDouble()).isCloseTo(0.5, within(1e-6));
        assertThat(ranking.get("series").get(47).get("value").asDouble()).isCloseTo(0.75, within(1e-6));
        assertThat(found.get(0).confidence()).isEqualTo(1.0);

        JsonNode rise = found.get(1).evidence();
        assertThat(rise.get("entity_id").asText()).isEqualTo("sensor.heat_pump");
        assertThat(rise.get("change_percent").asDouble()).isEqualTo(50.0);
        assertThat(found.get(1).title()).contains("50 % more");
    }

    @Test
    void aSteadyHomeHasARankingButNoRise() {
        Map<String, List<Sample>> history = new LinkedHashMap<>();
        history.put("sensor.fridge", every(Duration.ofMinutes(10), BOTH, i -> "100"));
        List<InsightContent> found = EnergyAnalysis.run(history, STATES, PREVIOUS, CURRENT);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).evidence().get("change_percent").asDouble()).isZero();
        assertThat(EnergyAnalysis.run(new LinkedHashMap<>(), STATES, PREVIOUS, CURRENT))
                .isEmpty();
        assertThat(new ArrayList<>(found.get(0).entities())).containsExactly("sensor.fridge");
    }
}

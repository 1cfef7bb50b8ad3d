package io.aether.command.insight;

import static io.aether.command.insight.SyntheticHistory.NOW;
import static io.aether.command.insight.SyntheticHistory.lastHours;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.command.insight.HistoryRows.Sample;
import io.aether.command.insight.HistoryRows.Window;
import io.aether.domain.insight.InsightContent;
import io.aether.domain.insight.InsightType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Manual actions repeated at similar times on several days become suggestions. */
class AutomationGapAnalysisTest {
    private static final Window WEEK = lastHours(168);
    private static final Map<String, JsonNode> STATES = SyntheticHistory.states("light.hall", "", "");

    /** The light switched on at 18:30 + offsets[d] minutes on day d before NOW, off two hours later. */
    private static List<Sample> dailyToggle(int[] offsets, boolean byAutomation) {
        List<Sample> samples = new ArrayList<>();
        samples.add(new Sample(WEEK.start(), "off", false));
        Instant midnight = NOW.truncatedTo(ChronoUnit.DAYS);
        for (int d = offsets.length; d >= 1; d--) {
            Instant on = midnight.minus(Duration.ofDays(d)).plus(Duration.ofMinutes(18 * 60 + 30 + offsets[d - 1]));
            samples.add(new Sample(on, "on", byAutomation));
            samples.add(new Sample(on.plus(Duration.ofHours(2)), "off", byAutomation));
        }
        return samples;
    }

    @Test
    void aDailyManualToggleBecomesASuggestedTimeTriggerAndAction() {
        Map<String, List<Sample>> history =
                SyntheticHistory.of("light.hall", dailyToggle(new int[] {-6, 4, 0, 7, -3, 2}, false));
        List<InsightContent> found = AutomationGapAnalysis.run(history, STATES, WEEK);

        InsightContent on = found.stream()
                .filter(i -> i.evidence().get("to_state").asText().equals("on"))
                .findFirst()
                .orElseThrow();
        assertThat(on.type()).isEqualTo(InsightType.AUTOMATION_GAP);
        assertThat(on.evidence().get("days").asInt()).isEqualTo(6);
        assertThat(on.evidence().get("days_observed").asInt()).isEqualTo(7);
        assertThat(on.evidence().get("time_of_day").asText()).isEqualTo("18:32");
        assertThat(on.evidence().get("spread_minutes").asInt()).isEqualTo(13);
        assertThat(on.confidence()).isEqualTo(0.86);
        JsonNode automation = on.evidence().get("suggested_automation");
        assertThat(automation.get("trigger").get(0).get("trigger").asText()).isEqualTo("time");
        assertThat(automation.get("trigger").get(0).get("at").asText()).isEqualTo("18:32:00");
        assertThat(automation.get("actions").get(0).get("action").asText()).isEqualTo("light.turn_on");
        assertThat(automation
                        .get("actions")
                        .get(0)
                        .get("target")
                        .get("entity_id")
                        .asText())
                .isEqualTo("light.hall");
        assertThat(found)
                .as("the evening switch-off two hours later is a second gap")
                .anyMatch(i -> i.evidence().get("to_state").asText().equals("off")
                        && i.evidence().get("time_of_day").asText().startsWith("20:"));
    }

    @Test
    void twoDaysAreNotAHabitAndScatteredTimesAreNotOne() {
        assertThat(AutomationGapAnalysis.run(
                        SyntheticHistory.of("light.hall", dailyToggle(new int[] {0, 3}, false)), STATES, WEEK))
                .isEmpty();
        assertThat(AutomationGapAnalysis.run(
                        SyntheticHistory.of("light.hall", dailyToggle(new int[] {-240, 0, 200, 400}, false)),
                        STATES,
                        WEEK))
                .isEmpty();
    }

    @Test
    void changesAnAutomationMadeAreNotManual() {
        assertThat(AutomationGapAnalysis.run(
                        SyntheticHistory.of("light.hall", dailyToggle(new int[] {0, 1, 2, 3, 4}, true)), STATES, WEEK))
                .isEmpty();
    }

    @Test
    void sensorsAreNotSwitchable() {
        assertThat(AutomationGapAnalysis.isSwitchable("sensor.kitchen_temperature"))
                .isFalse();
        assertThat(AutomationGapAnalysis.isSwitchable("switch.coffee_maker")).isTrue();
    }
}

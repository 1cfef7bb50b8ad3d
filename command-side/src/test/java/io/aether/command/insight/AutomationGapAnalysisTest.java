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
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
        List<InsightContent> found = AutomationGapAnalysis.run(history, STATES, WEEK, ZoneOffset.UTC);

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
                        SyntheticHistory.of("light.hall", dailyToggle(new int[] {0, 3}, false)),
                        STATES,
                        WEEK,
                        ZoneOffset.UTC))
                .isEmpty();
        assertThat(AutomationGapAnalysis.run(
                        SyntheticHistory.of("light.hall", dailyToggle(new int[] {-240, 0, 200, 400}, false)),
                        STATES,
                        WEEK,
                        ZoneOffset.UTC))
                .isEmpty();
    }

    @Test
    void changesAnAutomationMadeAreNotManual() {
        assertThat(AutomationGapAnalysis.run(
                        SyntheticHistory.of("light.hall", dailyToggle(new int[] {0, 1, 2, 3, 4}, true)),
                        STATES,
                        WEEK,
                        ZoneOffset.UTC))
                .isEmpty();
    }

    @Test
    void sensorsAreNotSwitchable() {
        assertThat(AutomationGapAnalysis.isSwitchable("sensor.kitchen_temperature"))
                .isFalse();
        assertThat(AutomationGapAnalysis.isSwitchable("switch.coffee_maker")).isTrue();
    }

    @Test
    void timesOfDayAreTheHomesOwnSoTheTriggerFiresWhenPeopleActed() {
        Map<String, List<Sample>> history =
                SyntheticHistory.of("light.hall", dailyToggle(new int[] {-6, 4, 0, 7, -3, 2}, false));
        InsightContent on = AutomationGapAnalysis.run(history, STATES, WEEK, ZoneId.of("Europe/Amsterdam")).stream()
                .filter(i -> i.evidence().get("to_state").asText().equals("on"))
                .findFirst()
                .orElseThrow();
        assertThat(on.evidence().get("time_zone").asText()).isEqualTo("Europe/Amsterdam");
        assertThat(on.evidence().get("time_of_day").asText())
                .as("18:32 UTC is 19:32 in Amsterdam in December")
                .isEqualTo("19:32");
        assertThat(on.evidence()
                        .get("suggested_automation")
                        .get("trigger")
                        .get(0)
                        .get("at")
                        .asText())
                .isEqualTo("19:32:00");
    }

    @Test
    void aHabitKeepsItsLocalTimeAcrossTheChangeToSummerTime() {
        ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
        // 19:30 local every day from 26 March to 1 April 2026: 18:30 UTC before 29 March, 17:30 after.
        List<Sample> samples = new ArrayList<>();
        Instant start = Instant.parse("2026-03-25T00:00:00Z");
        samples.add(new Sample(start, "off", false));
        for (int d = 26; d <= 31; d++) {
            Instant on = LocalDate.of(2026, 3, d)
                    .atTime(LocalTime.of(19, 30))
                    .atZone(amsterdam)
                    .toInstant();
            samples.add(new Sample(on, "on", false));
            samples.add(new Sample(on.plus(Duration.ofHours(1)), "off", false));
        }
        Window week = new Window(start, Instant.parse("2026-04-01T00:00:00Z"));
        Map<String, List<Sample>> history = SyntheticHistory.of("light.hall", samples);

        AutomationGapAnalysis.Gap local = AutomationGapAnalysis.gaps(history, week, amsterdam).stream()
                .filter(g -> g.toState().equals("on"))
                .findFirst()
                .orElseThrow();
        assertThat(local.time()).isEqualTo("19:30");
        assertThat(local.days()).isEqualTo(6);
        assertThat(local.spreadMinutes()).isZero();
        assertThat(AutomationGapAnalysis.gaps(history, week, ZoneOffset.UTC).stream()
                        .filter(g -> g.toState().equals("on"))
                        .map(AutomationGapAnalysis.Gap::time)
                        .toList())
                .as("in UTC the same habit moves by an hour and splits in two")
                .containsExactlyInAnyOrder("18:30", "17:30");
    }
}

package io.aether.command.insight;

import static io.aether.command.insight.SyntheticHistory.NOW;
import static io.aether.command.insight.SyntheticHistory.lastHours;
import static org.assertj.core.api.Assertions.assertThat;

import io.aether.command.insight.HistoryRows.Sample;
import io.aether.command.insight.HistoryRows.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A manual switching that keeps following another entity's change becomes a state-triggered suggestion. */
class CorrelationAnalysisTest {
    private static final Window WEEK = lastHours(168);

    /** On day d before NOW: the cause at 18:00 + causeMinute[d], the effect {@code lagSeconds} later. */
    private static Map<String, List<Sample>> history(int days, long lagSeconds, boolean effectByAutomation) {
        List<Sample> motion = new ArrayList<>(List.of(new Sample(WEEK.start(), "off", false)));
        List<Sample> light = new ArrayList<>(List.of(new Sample(WEEK.start(), "off", false)));
        Instant midnight = NOW.truncatedTo(ChronoUnit.DAYS);
        for (int d = days; d >= 1; d--) {
            // A different time each day: no time-of-day habit, only the cause explains the effect.
            Instant cause = midnight.minus(Duration.ofDays(d)).plus(Duration.ofMinutes(15 * 60 + 47L * d));
            motion.add(new Sample(cause, "on", false));
            motion.add(new Sample(cause.plus(Duration.ofMinutes(10)), "off", false));
            Instant effect = cause.plusSeconds(lagSeconds);
            light.add(new Sample(effect, "on", effectByAutomation));
            light.add(new Sample(effect.plus(Duration.ofHours(1)), "off", effectByAutomation));
        }
        Map<String, List<Sample>> history = new LinkedHashMap<>();
        history.put("binary_sensor.hall_motion", motion);
        history.put("light.hall", light);
        return history;
    }

    @Test
    void aLightSwitchedOnByHandSoonAfterMotionIsALink() {
        List<CorrelationAnalysis.Link> links = CorrelationAnalysis.links(history(5, 70, false), WEEK, ZoneOffset.UTC);

        assertThat(links).hasSize(1);
        CorrelationAnalysis.Link link = links.get(0);
        assertThat(link.triggerEntity()).isEqualTo("binary_sensor.hall_motion");
        assertThat(link.triggerState()).isEqualTo("on");
        assertThat(link.entityId()).isEqualTo("light.hall");
        assertThat(link.toState()).isEqualTo("on");
        assertThat(link.service()).isEqualTo("turn_on");
        assertThat(link.followed()).isEqualTo(5);
        assertThat(link.days()).isEqualTo(5);
        assertThat(link.medianLagSeconds()).isEqualTo(70);
        assertThat(link.confidence()).isEqualTo(0.95);
        var trigger = link.automation("Hall motion", "Hall").get("trigger").get(0);
        assertThat(trigger.get("trigger").asText()).isEqualTo("state");
        assertThat(trigger.get("entity_id").asText()).isEqualTo("binary_sensor.hall_motion");
        assertThat(trigger.get("to").asText()).isEqualTo("on");
    }

    @Test
    void tooFewDaysTooLateOrDoneByAnAutomationIsNoLink() {
        assertThat(CorrelationAnalysis.links(history(2, 70, false), WEEK, ZoneOffset.UTC))
                .as("two days are a coincidence")
                .isEmpty();
        assertThat(CorrelationAnalysis.links(
                        history(5, CorrelationAnalysis.LAG_SECONDS + 60, false), WEEK, ZoneOffset.UTC))
                .as("an effect six minutes later is not caused by the change")
                .isEmpty();
        assertThat(CorrelationAnalysis.links(history(5, 70, true), WEEK, ZoneOffset.UTC))
                .as("an automation already does it")
                .isEmpty();
    }

    @Test
    void aCauseThatChangesAllDayWithoutTheEffectIsNoLink() {
        Map<String, List<Sample>> history = history(5, 70, false);
        List<Sample> motion = new ArrayList<>(history.get("binary_sensor.hall_motion"));
        for (int i = 0; i < 40; i++) {
            Instant extra = WEEK.start().plus(Duration.ofMinutes(200L * i + 7));
            motion.add(new Sample(extra, "on", false));
            motion.add(new Sample(extra.plusSeconds(30), "off", false));
        }
        motion.sort((a, b) -> a.at().compareTo(b.at()));
        history.put("binary_sensor.hall_motion", motion);

        assertThat(CorrelationAnalysis.links(history, WEEK, ZoneOffset.UTC)).isEmpty();
    }
}

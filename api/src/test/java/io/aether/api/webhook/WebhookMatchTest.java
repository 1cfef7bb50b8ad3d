package io.aether.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.domain.insight.AnalysisType;
import io.aether.domain.insight.schedule.ScheduleSettings;
import io.aether.domain.insight.schedule.ScheduleTrigger;
import org.junit.jupiter.api.Test;

/** The webhook schedule matching rules, without a server. */
class WebhookMatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void globsMatchLikeFnmatch() {
        assertThat(WebhookMatch.glob("sensor.*").matcher("sensor.grid_power").matches())
                .isTrue();
        assertThat(WebhookMatch.glob("sensor.*").matcher("light.sensor").matches())
                .isFalse();
        assertThat(WebhookMatch.glob("light.hall_?").matcher("light.hall_2").matches())
                .isTrue();
        assertThat(WebhookMatch.glob("light.hall_?").matcher("light.hall_22").matches())
                .isFalse();
        assertThat(WebhookMatch.glob("light.[ab]*").matcher("light.attic").matches())
                .isTrue();
        assertThat(WebhookMatch.glob("light.[!ab]*").matcher("light.attic").matches())
                .isFalse();
        assertThat(WebhookMatch.glob("a.b(c)+").matcher("a.b(c)+").matches()).isTrue();
        assertThat(WebhookMatch.glob("a.b").matcher("aXb").matches()).isFalse();
    }

    @Test
    void everyFilterCriterionMustHold() throws Exception {
        ScheduleSettings schedule = schedule("device_offline", """
                {"entity_id": "sensor.*", "event_type": "state_changed", "from_state": "on", "to_state": "unavailable"}""");
        assertThat(WebhookMatch.matches(schedule, payload("""
                {"event_type": "state_changed", "entity_id": "sensor.a", "webhook_event": "device_offline",
                 "data": {"old_state": "on", "new_state": {"state": "unavailable"}}}"""))).isTrue();
        assertThat(WebhookMatch.matches(schedule, payload("""
                {"event_type": "state_changed", "entity_id": "sensor.a", "webhook_event": "device_offline",
                 "data": {"old_state": "off", "new_state": "unavailable"}}"""))).isFalse();
        assertThat(WebhookMatch.matches(schedule, payload("""
                {"event_type": "state_changed", "webhook_event": "device_offline",
                 "data": {"old_state": "on", "new_state": "unavailable"}}"""))).as("no entity").isFalse();
        assertThat(WebhookMatch.matches(schedule, payload("""
                {"event_type": "state_changed", "entity_id": "sensor.a", "webhook_event": "other",
                 "data": {"old_state": "on", "new_state": "unavailable"}}""")))
                .as("other label")
                .isFalse();
        assertThat(WebhookMatch.matches(
                        schedule("state_changed", null), payload("{\"event_type\": \"state_changed\"}")))
                .as("the event type is the label without webhook_event")
                .isTrue();
    }

    private static ScheduleSettings schedule(String event, String filter) throws Exception {
        JsonNode filterNode = filter == null ? null : JSON.readTree(filter);
        return new ScheduleSettings(
                "s",
                true,
                AnalysisType.fromWire("device_health"),
                ScheduleTrigger.WEBHOOK,
                null,
                24,
                JSON.createObjectNode(),
                null,
                event,
                filterNode);
    }

    private static WebhookPayload payload(String json) throws Exception {
        return WebhookPayload.of(JSON.readTree(json));
    }
}

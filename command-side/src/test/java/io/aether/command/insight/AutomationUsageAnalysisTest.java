package io.aether.command.insight;

import static io.aether.command.insight.SyntheticHistory.NOW;
import static io.aether.command.insight.SyntheticHistory.lastHours;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aether.domain.insight.InsightContent;
import io.aether.domain.insight.InsightImpact;
import io.aether.domain.insight.InsightType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Automations that are off, unavailable or have not run become insights; busy ones do not. */
class AutomationUsageAnalysisTest {
    private static JsonNode automation(String id, String state, String lastTriggered) {
        ObjectNode node =
                JsonNodeFactory.instance.objectNode().put("entity_id", id).put("state", state);
        ObjectNode attributes = node.putObject("attributes").put("friendly_name", id.substring(11));
        if (lastTriggered == null) {
            attributes.putNull("last_triggered");
        } else {
            attributes.put("last_triggered", lastTriggered);
        }
        return node;
    }

    @Test
    void findsTheUnavailableTheDisabledAndTheIdle() {
        String recently = NOW.minus(Duration.ofHours(2)).toString();
        String longAgo = NOW.minus(Duration.ofDays(30)).toString();
        List<JsonNode> states = List.of(
                automation("automation.busy", "on", recently),
                automation("automation.broken", "unavailable", null),
                automation("automation.paused", "off", recently),
                automation("automation.idle", "on", longAgo),
                automation("automation.fresh", "on", null),
                JsonNodeFactory.instance
                        .objectNode()
                        .put("entity_id", "light.hall")
                        .put("state", "off"));

        List<InsightContent> found = AutomationUsageAnalysis.run(states, List.of(), lastHours(168));

        assertThat(found)
                .extracting(InsightContent::title)
                .containsExactly(
                        "broken is unavailable",
                        "paused is turned off",
                        "idle has not run in the last 168 h",
                        "fresh has never run");
        assertThat(found).allMatch(i -> i.type() == InsightType.AUTOMATION_INEFFICIENCY);
        assertThat(found.get(0).impact()).isEqualTo(InsightImpact.HIGH);
        assertThat(found.get(2).evidence().get("reason").asText()).isEqualTo("not_triggered_in_window");
        assertThat(found.get(2).evidence().get("last_triggered").asText()).isEqualTo(longAgo);
        assertThat(AutomationUsageAnalysis.run(states, List.of("automation.busy"), lastHours(168)))
                .as("only the requested entities")
                .isEmpty();
    }
}

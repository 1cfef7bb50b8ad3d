package io.aether.api.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.mirror.HomeAssistantMirror;
import io.aether.domain.proposal.RecordHaStateChange;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Notices an automation Aether deployed being turned on or off in Home Assistant itself: every
 * {@code state_changed} of an {@code automation.*} entity whose {@code id} attribute is a proposal's
 * HA id ({@code aether_<uuid hex>}) and whose on/off state changed is sent to the proposal as
 * {@link RecordHaStateChange}; the aggregate records it as {@code ProposalHaStateChanged} unless it
 * is the echo of Aether's own change. Sent without waiting, on the mirror's subscription thread.
 */
@Component
public class AutomationStateWatcher {
    private static final Logger log = LoggerFactory.getLogger(AutomationStateWatcher.class);
    private static final Pattern HA_ID = Pattern.compile("aether_([0-9a-f]{32})");

    private final CommandGateway commands;

    public AutomationStateWatcher(HomeAssistantMirror mirror, CommandGateway commands) {
        this.commands = commands;
        mirror.addStateListener(this::onStateChanged);
    }

    void onStateChanged(JsonNode event) {
        JsonNode data = event.path("data");
        String entityId = data.path("entity_id").asText("");
        JsonNode newState = data.path("new_state");
        if (!entityId.startsWith("automation.") || !newState.isObject()) {
            return;
        }
        String state = newState.path("state").asText();
        String before = data.path("old_state").path("state").asText(null);
        if (state.equals(before) || !(state.equals("on") || state.equals("off"))) {
            return;
        }
        Matcher m = HA_ID.matcher(newState.path("attributes").path("id").asText(""));
        if (!m.matches()) {
            return; // not an automation Aether deployed
        }
        String hex = m.group(1);
        UUID proposalId = UUID.fromString(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16)
                + "-" + hex.substring(16, 20) + "-" + hex.substring(20));
        commands.send(new RecordHaStateChange(proposalId, entityId, state)).whenComplete((r, e) -> {
            if (e != null) {
                log.debug("state {} of {} not recorded for proposal {}: {}", state, entityId, proposalId, e.toString());
            }
        });
    }
}

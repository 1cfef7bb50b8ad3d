package io.aether.api.homeassistant;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.command.insight.HomeStates;
import java.util.List;
import org.springframework.stereotype.Component;

/** The analyses' view of the home: every entity's current state, over HA's REST API. */
@Component
public class HomeAssistantStates implements HomeStates {
    private final HomeAssistantConnection connection;

    public HomeAssistantStates(HomeAssistantConnection connection) {
        this.connection = connection;
    }

    /** The client's exceptions carry HA's message without its token. */
    @Override
    public List<JsonNode> all() {
        return connection.client().getStates();
    }
}

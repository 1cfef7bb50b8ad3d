package io.aether.api.homeassistant;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.command.insight.HomeStates;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Component;

/** The analyses' view of the home: every entity's current state and its time zone, over HA's REST API. */
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

    /** HA's configured zone; UTC when HA names none or one Java does not know. */
    @Override
    public ZoneId timeZone() {
        String zone = connection.client().config().path("time_zone").asText("");
        try {
            return zone.isBlank() ? ZoneOffset.UTC : ZoneId.of(zone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}

package io.aether.api.homeassistant;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.command.insight.HomeHistory;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/** The analyses' view of the home's recorder: {@code GET /api/history/period} over HA's REST API. */
@Component
public class HomeAssistantHistory implements HomeHistory {
    private final HomeAssistantConnection connection;

    public HomeAssistantHistory(HomeAssistantConnection connection) {
        this.connection = connection;
    }

    /** The client's exceptions carry HA's message without its token. */
    @Override
    public List<List<JsonNode>> period(Collection<String> entityIds, Instant start, Instant end) {
        return connection.client().getHistory(entityIds, start, end);
    }
}

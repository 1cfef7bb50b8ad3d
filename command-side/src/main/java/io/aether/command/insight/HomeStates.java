package io.aether.command.insight;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.util.List;

/**
 * Port to the home's current entity states ({@code GET /api/states}) and its time zone
 * ({@code GET /api/config}), read by the analyses. The
 * api module implements it with the Home Assistant client; it throws with HA's message (never its
 * token) when HA cannot answer.
 */
public interface HomeStates {
    List<JsonNode> all();

    /** The home's time zone (HA's configured {@code time_zone}), in which people live their days. */
    ZoneId timeZone();
}

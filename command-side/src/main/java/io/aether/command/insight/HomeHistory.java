package io.aether.command.insight;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Port to the home's recorded history ({@code GET /api/history/period}), read by the analyses.
 * The api module implements it with the Home Assistant client: one list of states per entity HA
 * has rows for, each starting with the state at {@code start}; it throws with HA's message (never
 * its token) when HA cannot answer.
 */
public interface HomeHistory {
    List<List<JsonNode>> period(Collection<String> entityIds, Instant start, Instant end);
}

package io.aether.domain.insight;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.domain.actor.Actor;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * Someone asked for an analysis of the home; the analysis process runs it.
 *
 * @param entityIds the entities to look at; empty for all
 * @param hours     how far back it may look
 * @param options   the analysis' own settings (a JSON object, possibly empty)
 */
@Revision("1")
public record AnalysisRequested(
        UUID jobId, AnalysisType type, List<String> entityIds, int hours, JsonNode options, Actor actor)
        implements AnalysisEvent {
    public AnalysisRequested {
        entityIds = entityIds == null ? List.of() : List.copyOf(entityIds);
    }
}

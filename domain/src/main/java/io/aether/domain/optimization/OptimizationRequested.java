package io.aether.domain.optimization;

import io.aether.domain.actor.Actor;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** Someone asked for an optimization run; the optimization process runs it. */
@Revision("1")
public record OptimizationRequested(
        UUID jobId,
        List<OptimizationAnalysisType> analysisTypes,
        int hours,
        List<String> entityIds,
        List<String> focusAreas,
        Actor actor)
        implements OptimizationEvent {
    public OptimizationRequested {
        analysisTypes = List.copyOf(analysisTypes);
        entityIds = entityIds == null ? List.of() : List.copyOf(entityIds);
        focusAreas = focusAreas == null ? List.of() : List.copyOf(focusAreas);
    }
}

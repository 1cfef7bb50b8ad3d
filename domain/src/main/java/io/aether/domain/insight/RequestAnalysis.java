package io.aether.domain.insight;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.domain.actor.Actor;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Start an analysis job under a fresh id. */
public record RequestAnalysis(
        @TargetAggregateIdentifier UUID jobId,
        AnalysisType type,
        List<String> entityIds,
        int hours,
        JsonNode options,
        Actor actor) {}

package io.aether.domain.optimization;

import io.aether.domain.actor.Actor;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Start an optimization run under a fresh job id. */
public record RequestOptimization(
        @TargetAggregateIdentifier UUID jobId,
        List<OptimizationAnalysisType> analysisTypes,
        int hours,
        List<String> entityIds,
        List<String> focusAreas,
        Actor actor) {}

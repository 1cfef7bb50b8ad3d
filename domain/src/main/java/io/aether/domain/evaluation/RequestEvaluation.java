package io.aether.domain.evaluation;

import io.aether.domain.actor.Actor;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Start an evaluation job over these traces under a fresh id. */
public record RequestEvaluation(@TargetAggregateIdentifier UUID jobId, List<String> traceIds, Actor actor) {}

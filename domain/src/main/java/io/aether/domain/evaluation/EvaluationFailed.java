package io.aether.domain.evaluation;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The run stopped before every trace was scored (the spans could not be read, or the deadline passed). */
@Revision("1")
public record EvaluationFailed(UUID jobId, String error, Actor actor) implements EvaluationEvent {}

package io.aether.domain.evaluation;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** Every trace of the job has its scores ({@code traceCount} of them). */
@Revision("1")
public record EvaluationCompleted(UUID jobId, int traceCount, Actor actor) implements EvaluationEvent {}

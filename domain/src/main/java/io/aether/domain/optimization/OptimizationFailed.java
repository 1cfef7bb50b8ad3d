package io.aether.domain.optimization;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The run failed (HA could not answer), or recorded no outcome before its deadline. */
@Revision("1")
public record OptimizationFailed(UUID jobId, String error, Actor actor) implements OptimizationEvent {}

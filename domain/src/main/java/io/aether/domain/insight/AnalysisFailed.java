package io.aether.domain.insight;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The analysis failed, or recorded no outcome before its deadline; {@code error} says why. */
@Revision("1")
public record AnalysisFailed(UUID jobId, String error, Actor actor) implements AnalysisEvent {}

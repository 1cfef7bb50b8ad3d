package io.aether.domain.insight;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * What the analysis has to say about its own run, recorded just before its outcome: why it found
 * nothing to look at (no entity Home Assistant knows, no sensor of the kind it reads) or which
 * requested entities it left out.
 */
@Revision("1")
public record AnalysisNoted(UUID jobId, String note, Actor actor) implements AnalysisEvent {}

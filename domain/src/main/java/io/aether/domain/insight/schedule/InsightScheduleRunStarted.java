package io.aether.domain.insight.schedule;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A run of the schedule started as analysis job {@code jobId}; its outcome is that job's
 * {@code AnalysisCompleted} or {@code AnalysisFailed}.
 */
@Revision("1")
public record InsightScheduleRunStarted(UUID scheduleId, UUID jobId, RunTrigger trigger, Actor actor)
        implements InsightScheduleEvent {}

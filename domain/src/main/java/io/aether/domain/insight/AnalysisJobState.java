package io.aether.domain.insight;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An analysis job as its events leave it; {@code note} is what the run said about itself, or null. */
public record AnalysisJobState(
        UUID jobId,
        AnalysisType type,
        List<String> entityIds,
        int hours,
        AnalysisStatus status,
        Instant startedAt,
        Instant completedAt,
        List<UUID> insightIds,
        String error,
        String note) {

    /** The fold of analysis job events; {@code state} is null before the first. */
    public static AnalysisJobState apply(AnalysisJobState state, Object event, Instant at) {
        if (event instanceof AnalysisRequested e) {
            return new AnalysisJobState(
                    e.jobId(),
                    e.type(),
                    e.entityIds(),
                    e.hours(),
                    AnalysisStatus.RUNNING,
                    at,
                    null,
                    List.of(),
                    null,
                    null);
        }
        if (state == null) {
            return null;
        }
        if (event instanceof AnalysisCompleted e) {
            return new AnalysisJobState(
                    state.jobId(),
                    state.type(),
                    state.entityIds(),
                    state.hours(),
                    AnalysisStatus.COMPLETED,
                    state.startedAt(),
                    at,
                    e.insightIds(),
                    null,
                    state.note());
        }
        if (event instanceof AnalysisFailed e) {
            return new AnalysisJobState(
                    state.jobId(),
                    state.type(),
                    state.entityIds(),
                    state.hours(),
                    AnalysisStatus.FAILED,
                    state.startedAt(),
                    at,
                    List.of(),
                    e.error(),
                    state.note());
        }
        if (event instanceof AnalysisNoted e) {
            return new AnalysisJobState(
                    state.jobId(),
                    state.type(),
                    state.entityIds(),
                    state.hours(),
                    state.status(),
                    state.startedAt(),
                    state.completedAt(),
                    state.insightIds(),
                    state.error(),
                    e.note());
        }
        return state;
    }
}

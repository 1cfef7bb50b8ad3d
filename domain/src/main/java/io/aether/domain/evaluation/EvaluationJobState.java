package io.aether.domain.evaluation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An evaluation job as its events leave it.
 *
 * @param traceIds the traces it evaluates
 * @param scores   the scores recorded so far, per trace id
 */
public record EvaluationJobState(
        UUID jobId,
        List<String> traceIds,
        EvaluationStatus status,
        Instant startedAt,
        Instant completedAt,
        Map<String, List<TraceScore>> scores,
        String error) {

    public boolean scored(String traceId) {
        return scores.containsKey(traceId);
    }

    /** The fold of evaluation job events; {@code state} is null before the first. */
    public static EvaluationJobState apply(EvaluationJobState state, Object event, Instant at) {
        if (event instanceof EvaluationRequested e) {
            return new EvaluationJobState(e.jobId(), e.traceIds(), EvaluationStatus.RUNNING, at, null, Map.of(), null);
        }
        if (state == null) {
            return null;
        }
        if (event instanceof TraceEvaluated e) {
            Map<String, List<TraceScore>> scores = new LinkedHashMap<>(state.scores());
            scores.put(e.traceId(), e.scores());
            return new EvaluationJobState(
                    state.jobId(),
                    state.traceIds(),
                    state.status(),
                    state.startedAt(),
                    state.completedAt(),
                    Map.copyOf(scores),
                    state.error());
        }
        if (event instanceof EvaluationCompleted) {
            return new EvaluationJobState(
                    state.jobId(),
                    state.traceIds(),
                    EvaluationStatus.COMPLETED,
                    state.startedAt(),
                    at,
                    state.scores(),
                    null);
        }
        if (event instanceof EvaluationFailed e) {
            return new EvaluationJobState(
                    state.jobId(),
                    state.traceIds(),
                    EvaluationStatus.FAILED,
                    state.startedAt(),
                    at,
                    state.scores(),
                    e.error());
        }
        return state;
    }
}

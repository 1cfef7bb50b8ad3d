package io.aether.api.evaluation;

import io.aether.domain.evaluation.EvaluationJobState;
import io.aether.domain.evaluation.Scorer;
import io.aether.domain.evaluation.TraceScore;
import io.aether.domain.evaluation.query.EvaluationSummary;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The shapes of the evaluation endpoints (the original's, plus the job to poll). */
final class EvaluationResponses {
    private EvaluationResponses() {}

    record ScorerInfo(String name, String description, double threshold) {}

    /** GET /evaluations/scorers. */
    record Scorers(List<ScorerInfo> scorers, int count) {
        static Scorers all() {
            List<ScorerInfo> scorers = Arrays.stream(Scorer.values())
                    .map(s -> new ScorerInfo(s.wire(), s.description(), s.threshold()))
                    .toList();
            return new Scorers(scorers, scorers.size());
        }
    }

    /** POST /evaluations/run: the original's EvaluationTriggerResponse plus the job id. */
    record Trigger(String status, int traceCount, String message, UUID jobId) {}

    record Score(String scorer, Boolean passed, Double value, String rationale) {
        static Score of(TraceScore score) {
            return new Score(score.scorer().wire(), score.passed(), score.value(), score.rationale());
        }
    }

    record TraceScores(String traceId, List<Score> scores) {}

    /** GET /evaluations/jobs/{job_id}: the job and the scores recorded so far, in the job's trace order. */
    record Job(
            UUID jobId,
            String status,
            int traceCount,
            int scoredCount,
            Instant startedAt,
            Instant completedAt,
            String error,
            List<TraceScores> traces) {
        static Job of(EvaluationJobState state) {
            List<TraceScores> traces = state.traceIds().stream()
                    .filter(state::scored)
                    .map(id -> new TraceScores(
                            id, state.scores().get(id).stream().map(Score::of).toList()))
                    .toList();
            return new Job(
                    state.jobId(),
                    state.status().wire(),
                    state.traceIds().size(),
                    state.scores().size(),
                    state.startedAt(),
                    state.completedAt(),
                    state.error(),
                    traces);
        }
    }

    record ScorerResult(
            String name,
            int passCount,
            int failCount,
            int errorCount,
            Double passRate,
            Double avgValue,
            List<String> failingTraceIds) {}

    /** GET /evaluations/summary: the original's EvaluationSummary plus the failing trace ids. */
    record Summary(UUID runId, int traceCount, List<ScorerResult> scorerResults, Instant evaluatedAt) {
        static Summary of(EvaluationSummary summary) {
            return new Summary(
                    summary.runId(),
                    summary.traceCount(),
                    summary.scorerResults().stream()
                            .map(r -> new ScorerResult(
                                    r.name(),
                                    r.passCount(),
                                    r.failCount(),
                                    r.errorCount(),
                                    r.passRate(),
                                    r.avgValue(),
                                    r.failingTraceIds()))
                            .toList(),
                    summary.evaluatedAt());
        }
    }
}

package io.aether.domain.evaluation.query;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The latest completed evaluation run; {@code runId} null (and no results) when none has completed.
 *
 * @param evaluatedAt when the run completed
 */
public record EvaluationSummary(UUID runId, int traceCount, List<ScorerSummary> scorerResults, Instant evaluatedAt) {

    /**
     * One scorer over the run's traces.
     *
     * @param passRate        passed / (passed + failed), null when neither
     * @param avgValue        the average measured value, null when none
     * @param failingTraceIds the traces it failed, at most 100
     */
    public record ScorerSummary(
            String name,
            int passCount,
            int failCount,
            int errorCount,
            Double passRate,
            Double avgValue,
            List<String> failingTraceIds) {}
}

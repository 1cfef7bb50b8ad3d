package io.aether.domain.optimization;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An optimization job as its events leave it.
 *
 * @param suggestions each suggestion's status, in the order the run found them
 */
public record OptimizationJobState(
        UUID jobId,
        List<OptimizationAnalysisType> analysisTypes,
        int hours,
        OptimizationStatus status,
        Instant startedAt,
        Instant completedAt,
        Map<UUID, SuggestionStatus> suggestions,
        String error) {

    /** The fold of optimization job events; {@code state} is null before the first. */
    public static OptimizationJobState apply(OptimizationJobState state, Object event, Instant at) {
        if (event instanceof OptimizationRequested e) {
            return new OptimizationJobState(
                    e.jobId(), e.analysisTypes(), e.hours(), OptimizationStatus.RUNNING, at, null, Map.of(), null);
        }
        if (state == null) {
            return null;
        }
        if (event instanceof OptimizationCompleted e) {
            Map<UUID, SuggestionStatus> suggestions = new LinkedHashMap<>();
            e.suggestions().forEach(s -> suggestions.put(s.suggestionId(), SuggestionStatus.PENDING));
            return state.with(OptimizationStatus.COMPLETED, at, suggestions, null);
        }
        if (event instanceof OptimizationFailed e) {
            return state.with(OptimizationStatus.FAILED, at, Map.of(), e.error());
        }
        if (event instanceof SuggestionAccepted e) {
            return state.decided(e.suggestionId(), SuggestionStatus.ACCEPTED);
        }
        if (event instanceof SuggestionRejected e) {
            return state.decided(e.suggestionId(), SuggestionStatus.REJECTED);
        }
        return state;
    }

    private OptimizationJobState with(
            OptimizationStatus status, Instant completedAt, Map<UUID, SuggestionStatus> suggestions, String error) {
        return new OptimizationJobState(
                jobId, analysisTypes, hours, status, startedAt, completedAt, Map.copyOf(suggestions), error);
    }

    private OptimizationJobState decided(UUID suggestionId, SuggestionStatus decision) {
        Map<UUID, SuggestionStatus> suggestions = new LinkedHashMap<>(this.suggestions);
        suggestions.put(suggestionId, decision);
        return with(status, completedAt, suggestions, error);
    }
}

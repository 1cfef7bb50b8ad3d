package io.aether.domain.evaluation;

/**
 * What one scorer found in one trace.
 *
 * @param passed    true or false; null when the scorer could not score the trace (an error)
 * @param value     the measured figure (milliseconds, a count, a depth), or null
 * @param rationale why, in a sentence
 */
public record TraceScore(Scorer scorer, Boolean passed, Double value, String rationale) {}

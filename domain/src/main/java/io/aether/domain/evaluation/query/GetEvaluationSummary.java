package io.aether.domain.evaluation.query;

/** The latest completed evaluation run's results per scorer (an {@code EvaluationSummary}). */
public record GetEvaluationSummary() {}

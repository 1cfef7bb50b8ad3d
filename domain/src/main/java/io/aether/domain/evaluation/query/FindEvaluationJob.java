package io.aether.domain.evaluation.query;

import java.util.UUID;

/** One evaluation job as its events leave it (an {@code EvaluationJobState}), or null when there is none. */
public record FindEvaluationJob(UUID jobId) {}

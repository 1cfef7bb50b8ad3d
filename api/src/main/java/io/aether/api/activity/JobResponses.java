package io.aether.api.activity;

import io.aether.domain.job.query.JobList;
import io.aether.domain.job.query.JobView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Response bodies of {@code GET /jobs}. The original's contract leaves the body open (an object
 * built from MLflow runs), so the shape is ours: {@code {jobs, total}} (docs/api.md "Jobs").
 */
public final class JobResponses {
    private JobResponses() {}

    @Schema(name = "JobListResponse")
    public record Jobs(List<Job> jobs, long total) {
        static Jobs of(JobList list) {
            return new Jobs(list.jobs().stream().map(Job::of).toList(), list.total());
        }
    }

    /**
     * One job: {@code status} running, completed or failed; {@code completed_at} and
     * {@code duration_ms} null while running; {@code error} set when it failed.
     */
    @Schema(name = "JobResponse")
    public record Job(
            String jobId,
            String jobType,
            String title,
            String status,
            Instant startedAt,
            Instant completedAt,
            Long durationMs,
            String error) {

        static Job of(JobView view) {
            return new Job(
                    view.jobId().toString(),
                    view.type().wire(),
                    view.title(),
                    view.status().wire(),
                    view.startedAt(),
                    view.completedAt(),
                    view.completedAt() == null
                            ? null
                            : Duration.between(view.startedAt(), view.completedAt())
                                    .toMillis(),
                    view.error());
        }
    }
}

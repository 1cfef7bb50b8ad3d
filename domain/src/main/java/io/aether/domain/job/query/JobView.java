package io.aether.domain.job.query;

import io.aether.domain.job.JobStatus;
import io.aether.domain.job.JobType;
import java.time.Instant;
import java.util.UUID;

/**
 * One job as the job list shows it.
 *
 * @param jobId       the operation's id (a deployment's or rollback's id)
 * @param subjectId   the aggregate the job works on (the proposal's id)
 * @param completedAt when it ended, null while running
 * @param error       why it failed, null otherwise
 */
public record JobView(
        UUID jobId,
        JobType type,
        String title,
        JobStatus status,
        String subjectId,
        Instant startedAt,
        Instant completedAt,
        String error) {}

package io.aether.command.evaluation;

import java.time.Duration;
import java.util.UUID;
import org.axonframework.deadline.DeadlineManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The deadline of every running evaluation job, so that none stays "running" when the node that
 * ran it died: in the PostgreSQL-backed scheduler, scheduled with the request, cancelled with the
 * outcome; when it fires first, the job fails with that reason.
 */
@Component
public class EvaluationDeadlines {
    public static final String DEADLINE = "evaluation-job-deadline";

    private final Duration timeout;

    public EvaluationDeadlines(@Value("${aether.evaluations.deadline:5m}") Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("aether.evaluations.deadline must be positive; got " + timeout);
        }
        this.timeout = timeout;
    }

    /** The payload of the deadline: the job it guards. */
    public record Deadline(UUID jobId) {}

    void schedule(DeadlineManager deadlines, UUID jobId) {
        deadlines.schedule(timeout, DEADLINE, new Deadline(jobId));
    }

    void cancel(DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(DEADLINE);
    }

    String reason() {
        return "no outcome was recorded within " + timeout.toSeconds() + " s (the node running it may have stopped)";
    }
}

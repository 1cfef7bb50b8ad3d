package io.aether.domain.job;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of job the job list and the activity stream know, by their wire names. The original's
 * kinds come first (none of them is recorded as events yet, so they list nothing); deployments and
 * rollbacks of proposals are the jobs recorded today.
 */
public enum JobType {
    CHAT,
    OPTIMIZATION,
    ANALYSIS,
    SCHEDULE,
    WEBHOOK,
    EVALUATION,
    DEPLOYMENT,
    ROLLBACK;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type with this wire name, if any. */
    public static Optional<JobType> fromWire(String value) {
        return Arrays.stream(values()).filter(t -> t.wire().equals(value)).findFirst();
    }
}

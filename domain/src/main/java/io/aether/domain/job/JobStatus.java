package io.aether.domain.job;

import java.util.Locale;

/** Where a job is: started and not yet ended, or ended either way. */
public enum JobStatus {
    RUNNING,
    COMPLETED,
    FAILED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

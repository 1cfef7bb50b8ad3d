package io.aether.domain.insight.schedule;

import io.aether.domain.ErrorKind;
import java.util.UUID;

/** There is no insight schedule with this id (or it was deleted). */
public class InsightScheduleNotFoundException extends RuntimeException implements ErrorKind.Carrier {
    public InsightScheduleNotFoundException(UUID id) {
        super("Insight schedule not found: " + id);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.NOT_FOUND;
    }
}

package io.aether.domain.insight;

import io.aether.domain.ErrorKind;
import java.util.UUID;

/** There is no insight with this id (or it was deleted). */
public class InsightNotFoundException extends RuntimeException implements ErrorKind.Carrier {
    public InsightNotFoundException(UUID id) {
        super("Insight not found: " + id);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.NOT_FOUND;
    }
}

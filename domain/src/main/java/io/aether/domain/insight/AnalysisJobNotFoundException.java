package io.aether.domain.insight;

import io.aether.domain.ErrorKind;
import java.util.UUID;

/** There is no analysis job with this id. */
public class AnalysisJobNotFoundException extends RuntimeException implements ErrorKind.Carrier {
    public AnalysisJobNotFoundException(UUID id) {
        super("Analysis job not found: " + id);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.NOT_FOUND;
    }
}

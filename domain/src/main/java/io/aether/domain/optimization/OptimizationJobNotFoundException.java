package io.aether.domain.optimization;

import io.aether.domain.ErrorKind;

/** There is no optimization job with this id (or the id is not a UUID). */
public class OptimizationJobNotFoundException extends RuntimeException implements ErrorKind.Carrier {
    public OptimizationJobNotFoundException(String id) {
        super("Job not found: " + id);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.NOT_FOUND;
    }
}

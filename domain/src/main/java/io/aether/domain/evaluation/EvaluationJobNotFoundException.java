package io.aether.domain.evaluation;

import io.aether.domain.ErrorKind;
import java.util.UUID;

/** There is no evaluation job with this id. */
public class EvaluationJobNotFoundException extends RuntimeException implements ErrorKind.Carrier {
    public EvaluationJobNotFoundException(UUID id) {
        this(id.toString());
    }

    public EvaluationJobNotFoundException(String id) {
        super("Evaluation job not found: " + id);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.NOT_FOUND;
    }
}

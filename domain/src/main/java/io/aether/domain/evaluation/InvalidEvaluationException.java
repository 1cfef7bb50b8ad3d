package io.aether.domain.evaluation;

import io.aether.domain.ErrorKind;

/** An evaluation request the job cannot take. */
public class InvalidEvaluationException extends RuntimeException implements ErrorKind.Carrier {
    public InvalidEvaluationException(String message) {
        super(message);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.VALIDATION;
    }
}

package io.aether.domain.insight;

import io.aether.domain.ErrorKind;

/** The insight's content breaks a rule; nothing was appended. */
public class InvalidInsightException extends RuntimeException implements ErrorKind.Carrier {
    public InvalidInsightException(String message) {
        super(message);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.VALIDATION;
    }
}

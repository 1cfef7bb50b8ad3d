package io.aether.domain.optimization;

import io.aether.domain.ErrorKind;

/** An optimization request or decision that is well-formed but not acceptable. */
public class InvalidOptimizationException extends RuntimeException implements ErrorKind.Carrier {
    public InvalidOptimizationException(String message) {
        super(message);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.VALIDATION;
    }
}

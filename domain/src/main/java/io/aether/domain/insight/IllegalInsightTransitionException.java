package io.aether.domain.insight;

import io.aether.domain.ErrorKind;

/** The action is not allowed in the insight's current status; nothing was appended. */
public class IllegalInsightTransitionException extends RuntimeException implements ErrorKind.Carrier {
    public IllegalInsightTransitionException(String message) {
        super(message);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CONFLICT;
    }
}

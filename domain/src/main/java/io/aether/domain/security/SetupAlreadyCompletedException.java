package io.aether.domain.security;

import io.aether.domain.ErrorKind;

/** First-time setup can happen only once; nothing was appended. */
public class SetupAlreadyCompletedException extends RuntimeException implements ErrorKind.Carrier {
    public SetupAlreadyCompletedException() {
        super("Setup has already been completed");
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CONFLICT;
    }
}

package io.aether.domain.security;

/** First-time setup can happen only once; nothing was appended. */
public class SetupAlreadyCompletedException extends RuntimeException {
    public SetupAlreadyCompletedException() {
        super("Setup has already been completed");
    }
}

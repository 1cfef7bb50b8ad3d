package io.aether.domain.conversation;

import io.aether.domain.ErrorKind;

/** A turn was closed that is not open (never posted, or already recorded). */
public class TurnNotOpenException extends RuntimeException implements ErrorKind.Carrier {
    public TurnNotOpenException(String traceId) {
        super("No open turn " + traceId + " in this conversation");
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CONFLICT;
    }
}

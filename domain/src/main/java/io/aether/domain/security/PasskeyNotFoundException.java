package io.aether.domain.security;

import io.aether.domain.ErrorKind;

/** No registered passkey has this id (never registered, or already removed). */
public class PasskeyNotFoundException extends RuntimeException implements ErrorKind.Carrier {
    private final String passkeyId;

    public PasskeyNotFoundException(String passkeyId) {
        super("Passkey not found: " + passkeyId);
        this.passkeyId = passkeyId;
    }

    public String passkeyId() {
        return passkeyId;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.NOT_FOUND;
    }
}

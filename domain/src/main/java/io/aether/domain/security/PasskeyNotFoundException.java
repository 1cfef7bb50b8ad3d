package io.aether.domain.security;

/** No registered passkey has this id (never registered, or already removed). */
public class PasskeyNotFoundException extends RuntimeException {
    private final String passkeyId;

    public PasskeyNotFoundException(String passkeyId) {
        super("Passkey not found: " + passkeyId);
        this.passkeyId = passkeyId;
    }

    public String passkeyId() {
        return passkeyId;
    }
}

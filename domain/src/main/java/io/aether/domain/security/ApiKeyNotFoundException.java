package io.aether.domain.security;

/** No active API key has this id (never issued, or already revoked). */
public class ApiKeyNotFoundException extends RuntimeException {
    private final String keyId;

    public ApiKeyNotFoundException(String keyId) {
        super("API key not found: " + keyId);
        this.keyId = keyId;
    }

    public String keyId() {
        return keyId;
    }
}

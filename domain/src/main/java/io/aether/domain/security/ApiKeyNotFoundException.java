package io.aether.domain.security;

import io.aether.domain.ErrorKind;

/** No active API key has this id (never issued, or already revoked). */
public class ApiKeyNotFoundException extends RuntimeException implements ErrorKind.Carrier {
    private final String keyId;

    public ApiKeyNotFoundException(String keyId) {
        super("API key not found: " + keyId);
        this.keyId = keyId;
    }

    public String keyId() {
        return keyId;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.NOT_FOUND;
    }
}

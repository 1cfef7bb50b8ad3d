package io.aether.api.security;

/** A credential was presented but is not valid; the message is safe to show and names no secret. */
public class InvalidCredentialException extends RuntimeException {
    public InvalidCredentialException(String message) {
        super(message);
    }
}

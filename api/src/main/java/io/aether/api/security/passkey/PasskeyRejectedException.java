package io.aether.api.security.passkey;

/**
 * A browser's passkey response was not accepted. The reason is a short code for the audit trail
 * (e.g. {@code unknown_challenge}, {@code bad_signature}); it never echoes the credential.
 */
public class PasskeyRejectedException extends RuntimeException {
    private final String reason;

    public PasskeyRejectedException(String reason) {
        // An expected outcome, answered as 401/400: no stack trace to fill.
        super(reason, null, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}

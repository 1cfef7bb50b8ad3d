package io.aether.api.security.google;

/** A Google credential that does not prove anything; the reason is short and never repeats the token. */
final class RejectedCredentialException extends RuntimeException {
    RejectedCredentialException(String reason) {
        super(reason, null, false, false);
    }

    String reason() {
        return getMessage();
    }
}

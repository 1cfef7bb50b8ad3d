package io.aether.homeassistant;

/**
 * A call to Home Assistant failed. {@link #kind()} says how, so callers can decide whether a retry
 * makes sense; the message is meant for humans and never contains the access token.
 */
public class HomeAssistantException extends RuntimeException {

    public enum Kind {
        /** No base URL set (or it is not an http(s) URL). */
        NOT_CONFIGURED,
        /** No connection could be made; the request never reached HA, so nothing was applied. */
        UNREACHABLE,
        /** HA accepted the connection but did not answer in time; the request may have been applied. */
        TIMEOUT,
        /** HA refused the token (401/403). */
        UNAUTHORIZED,
        /** HA understood the request and refused it (400), e.g. an invalid automation config. */
        REJECTED,
        /** HA (or a proxy in front of it) is starting, stopping or down (502/503/504). */
        UNAVAILABLE,
        /** Anything else: unexpected status, unreadable response, interrupted call. */
        ERROR
    }

    private final Kind kind;
    private final int status;

    public HomeAssistantException(Kind kind, int status, String message) {
        this(kind, status, message, null);
    }

    public HomeAssistantException(Kind kind, int status, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status HA answered with, or 0 when there was no response. */
    public int status() {
        return status;
    }
}

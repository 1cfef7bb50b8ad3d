package io.aether.domain;

/**
 * What kind of failure an exception is, so that the API can answer every kind in one place with
 * one status and error type, without knowing the feature that raised it.
 */
public enum ErrorKind {
    /** The request is malformed: wrong type, unreadable body, bad header. */
    BAD_REQUEST,
    /** No credential, or one that is not valid. */
    UNAUTHORIZED,
    /** A valid credential that may not do this. */
    FORBIDDEN,
    /** The thing addressed does not exist (or no longer does). */
    NOT_FOUND,
    /** Not allowed in the current state, or changed meanwhile by someone else. */
    CONFLICT,
    /** The request body is too large. */
    TOO_LARGE,
    /** Well-formed, but the values are not acceptable. */
    VALIDATION,
    /** A system this one calls (Home Assistant, Google) failed or refused. */
    UPSTREAM,
    /** A feature that needs configuration that is missing. */
    NOT_CONFIGURED,
    /** This service cannot answer right now (database down, processor not running); try again later. */
    UNAVAILABLE;

    /** An exception that knows its kind; the API maps it without knowing the exception's class. */
    public interface Carrier {
        ErrorKind kind();

        /** A more specific error type than the kind's own (such as {@code home_assistant_error}), or null. */
        default String errorType() {
            return null;
        }
    }
}

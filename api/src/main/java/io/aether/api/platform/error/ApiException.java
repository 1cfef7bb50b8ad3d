package io.aether.api.platform.error;

import io.aether.domain.ErrorKind;

/**
 * An error the API answers as-is: its kind (which gives the status), optionally a more specific
 * error type than the kind's own, and a message safe to show.
 */
public class ApiException extends RuntimeException implements ErrorKind.Carrier {
    private final ErrorKind kind;
    private final String type;

    public ApiException(ErrorKind kind, String message) {
        this(kind, null, message);
    }

    public ApiException(ErrorKind kind, String type, String message) {
        super(message);
        this.kind = kind;
        this.type = type;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }

    @Override
    public String errorType() {
        return type;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(ErrorKind.BAD_REQUEST, message);
    }

    public static ApiException validation(String message) {
        return new ApiException(ErrorKind.VALIDATION, message);
    }
}

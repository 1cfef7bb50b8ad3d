package io.aether.api.platform.error;

/** The envelope's {@code type} for a bare HTTP status, where no more specific type is known. */
public final class ErrorTypes {
    private ErrorTypes() {}

    public static String forStatus(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 409 -> "conflict";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            case 503 -> "service_unavailable";
            default -> status >= 500 ? "internal_error" : "http_error";
        };
    }
}

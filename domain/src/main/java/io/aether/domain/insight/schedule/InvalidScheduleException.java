package io.aether.domain.insight.schedule;

import io.aether.domain.ErrorKind;

/** The schedule's settings or the run break a rule; nothing was appended. */
public class InvalidScheduleException extends RuntimeException implements ErrorKind.Carrier {
    private final ErrorKind kind;

    private InvalidScheduleException(ErrorKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** A value out of range or not acceptable (422). */
    public static InvalidScheduleException validation(String message) {
        return new InvalidScheduleException(ErrorKind.VALIDATION, message);
    }

    /** What the original answered 400 for: a trigger without its setting, a cron expression that does not parse. */
    public static InvalidScheduleException badRequest(String message) {
        return new InvalidScheduleException(ErrorKind.BAD_REQUEST, message);
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }
}

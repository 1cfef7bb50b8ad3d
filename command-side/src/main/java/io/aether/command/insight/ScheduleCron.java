package io.aether.command.insight;

import io.aether.domain.insight.schedule.InvalidScheduleException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.springframework.scheduling.support.CronExpression;

/**
 * The schedules' crontabs: exactly 5 fields (minute hour day-of-month month day-of-week), read by
 * Spring's {@link CronExpression} with a leading seconds field of 0, in UTC.
 */
public final class ScheduleCron {
    private ScheduleCron() {}

    /** The parsed expression, or a 400 saying why it is not a 5-field crontab. */
    public static CronExpression parse(String fiveFields) {
        String trimmed = fiveFields == null ? "" : fiveFields.strip();
        String[] fields = trimmed.split("\\s+");
        if (trimmed.isEmpty() || fields.length != 5) {
            throw InvalidScheduleException.badRequest("Invalid cron expression '" + fiveFields
                    + "': it needs exactly 5 fields (minute hour day-of-month month day-of-week)");
        }
        try {
            return CronExpression.parse("0 " + String.join(" ", fields));
        } catch (IllegalArgumentException e) {
            throw InvalidScheduleException.badRequest(
                    "Invalid cron expression '" + fiveFields + "': " + e.getMessage());
        }
    }

    /**
     * Whether a cron tick covering {@code (after, upTo]} runs the schedule: its expression fired in
     * that window, after the schedule was created and after its last run (a run recorded since the
     * firing, by cron on an overlapping tick or by hand, counts as that firing's run).
     *
     * @param lastRunAt the schedule's last run, or null when it never ran
     */
    public static boolean due(String fiveFields, Instant createdAt, Instant lastRunAt, Instant after, Instant upTo) {
        Instant from = after;
        if (createdAt != null && createdAt.isAfter(from)) {
            from = createdAt;
        }
        if (lastRunAt != null && lastRunAt.isAfter(from)) {
            from = lastRunAt;
        }
        return firesBetween(fiveFields, from, upTo);
    }

    /** Whether the expression fires at an instant in {@code (after, upTo]}. */
    public static boolean firesBetween(String fiveFields, Instant after, Instant upTo) {
        if (!upTo.isAfter(after)) {
            return false;
        }
        ZonedDateTime next = parse(fiveFields).next(after.atZone(ZoneOffset.UTC));
        return next != null && !next.toInstant().isAfter(upTo);
    }
}

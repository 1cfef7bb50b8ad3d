package io.aether.api.analytics;

import io.aether.api.platform.error.ApiException;
import io.aether.domain.analytics.query.AnalyticsBucket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The range of an analytics request, checked before anything is read: {@code from} and {@code to}
 * are ISO-8601 dates ({@code 2026-12-01}: a {@code to} date includes that whole UTC day) or instants
 * with an offset ({@code 2026-12-01T10:00:00Z}, {@code to} exclusive). Malformed values are 400;
 * {@code from} after {@code to}, or a range longer than the bucket allows, are 422. Without
 * {@code to} the range ends now; without {@code from} it starts {@value #DEFAULT_DAYS} days before its end.
 */
record AnalyticsRange(Instant from, Instant to, AnalyticsBucket bucket) {
    static final int DEFAULT_DAYS = 30;
    /** At most a leap year of day buckets (367 buckets when the ends are not midnight). */
    static final int MAX_DAYS_BY_DAY = 366;
    /** At most about five years of week buckets. */
    static final int MAX_DAYS_BY_WEEK = 1_830;

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    static AnalyticsRange parse(String from, String to, String bucket, Instant now) {
        AnalyticsBucket chosen = bucket(bucket);
        Instant end = isBlank(to) ? now : instant("to", to, true);
        Instant start = isBlank(from) ? end.minus(Duration.ofDays(DEFAULT_DAYS)) : instant("from", from, false);
        if (start.isBefore(EARLIEST) || end.isAfter(LATEST)) {
            throw ApiException.validation("'from' and 'to' must lie between the years 1 and 9999");
        }
        // A 'to' date is that whole day: 'from' on the day after it is after it.
        boolean toIsDay = !isBlank(to) && isDate(to.trim());
        if (start.isAfter(end) || (toIsDay && !start.isBefore(end))) {
            throw ApiException.validation("'from' must not be after 'to'");
        }
        int maxDays = chosen == AnalyticsBucket.WEEK ? MAX_DAYS_BY_WEEK : MAX_DAYS_BY_DAY;
        if (Duration.between(start, end).compareTo(Duration.ofDays(maxDays)) > 0) {
            throw ApiException.validation("the range from 'from' to 'to' may span at most " + maxDays + " days with "
                    + chosen.wire() + " buckets");
        }
        return new AnalyticsRange(start, end, chosen);
    }

    private static AnalyticsBucket bucket(String value) {
        if (isBlank(value)) {
            return AnalyticsBucket.DAY;
        }
        try {
            return AnalyticsBucket.fromWire(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'bucket' " + e.getMessage());
        }
    }

    /** A date (start of that UTC day, or for an end the start of the next) or an instant with an offset. */
    private static Instant instant(String name, String value, boolean end) {
        String text = value.trim();
        try {
            if (isDate(text)) {
                LocalDate day = LocalDate.parse(text);
                return (end ? day.plusDays(1) : day)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw ApiException.badRequest("'" + name + "' must be an ISO-8601 date such as 2026-01-31 or an instant"
                    + " such as 2026-01-31T12:00:00Z");
        }
    }

    /** A date is written yyyy-MM-dd; anything longer must be an instant. */
    private static boolean isDate(String text) {
        return text.length() == 10;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

package io.aether.domain.analytics.query;

import java.util.Locale;

/** The width of one bucket of an analytics series: a UTC day, or an ISO week (Monday to Sunday, UTC). */
public enum AnalyticsBucket {
    DAY,
    WEEK;

    /** The value on the wire: {@code day} or {@code week}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The bucket named {@code value} (case-insensitive), or an IllegalArgumentException naming the choices. */
    public static AnalyticsBucket fromWire(String value) {
        for (AnalyticsBucket bucket : values()) {
            if (bucket.wire().equalsIgnoreCase(value)) {
                return bucket;
            }
        }
        throw new IllegalArgumentException("must be day or week");
    }
}

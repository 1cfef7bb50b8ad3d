package io.aether.domain.insight;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.aether.domain.WireValues;

/** What an insight is about: the original's 15 types, with their wire values. */
public enum InsightType {
    ENERGY_OPTIMIZATION,
    ANOMALY,
    PATTERN,
    RECOMMENDATION,
    MAINTENANCE_PREDICTION,
    AUTOMATION_GAP,
    AUTOMATION_INEFFICIENCY,
    CORRELATION,
    DEVICE_HEALTH,
    BEHAVIORAL_PATTERN,
    COMFORT_ANALYSIS,
    SECURITY_AUDIT,
    WEATHER_CORRELATION,
    AUTOMATION_EFFICIENCY,
    CUSTOM;

    @JsonValue
    public String wire() {
        return WireValues.of(this);
    }

    @JsonCreator
    public static InsightType fromWire(String value) {
        return WireValues.parse(values(), value, "insight type");
    }
}

package io.aether.domain.insight;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.aether.domain.WireValues;

/** How much an insight matters; {@code high} and {@code critical} count as high impact in the summary. */
public enum InsightImpact {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    @JsonValue
    public String wire() {
        return WireValues.of(this);
    }

    @JsonCreator
    public static InsightImpact fromWire(String value) {
        return WireValues.parse(values(), value, "insight impact");
    }

    public boolean high() {
        return this == HIGH || this == CRITICAL;
    }
}

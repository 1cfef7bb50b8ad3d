package io.aether.domain.insight;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.aether.domain.WireValues;

/**
 * What an analysis job looks at: energy use, anomalies in sensor series, device health and
 * automation gaps, all over Home Assistant's current states and history.
 */
public enum AnalysisType {
    ENERGY,
    ANOMALY,
    DEVICE_HEALTH,
    AUTOMATION_GAP;

    @JsonValue
    public String wire() {
        return WireValues.of(this);
    }

    @JsonCreator
    public static AnalysisType fromWire(String value) {
        return WireValues.parse(values(), value, "analysis type");
    }

    /** Every type runs now; kept for the callers that still check. */
    public boolean built() {
        return true;
    }
}

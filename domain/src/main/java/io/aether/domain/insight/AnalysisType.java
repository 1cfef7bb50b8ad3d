package io.aether.domain.insight;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.aether.domain.WireValues;

/**
 * What an analysis job looks at. Only {@link #DEVICE_HEALTH} runs today: it needs the home's
 * current states only; the others need Home Assistant's history, which Aether does not read yet.
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

    public boolean built() {
        return this == DEVICE_HEALTH;
    }
}

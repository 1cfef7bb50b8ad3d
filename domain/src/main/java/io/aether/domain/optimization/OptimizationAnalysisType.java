package io.aether.domain.optimization;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.aether.domain.WireValues;

/**
 * What an optimization run looks for: the original's six types. {@link #BEHAVIOR_ANALYSIS} and
 * {@link #AUTOMATION_GAP_DETECTION} run (both read manual actions repeated at similar times from
 * HA's history and suggest automations); the others are not built yet.
 */
public enum OptimizationAnalysisType {
    BEHAVIOR_ANALYSIS,
    AUTOMATION_ANALYSIS,
    AUTOMATION_GAP_DETECTION,
    CORRELATION_DISCOVERY,
    DEVICE_HEALTH,
    COST_OPTIMIZATION;

    @JsonValue
    public String wire() {
        return WireValues.of(this);
    }

    @JsonCreator
    public static OptimizationAnalysisType fromWire(String value) {
        return WireValues.parse(values(), value, "optimization analysis type");
    }

    public boolean built() {
        return this == BEHAVIOR_ANALYSIS || this == AUTOMATION_GAP_DETECTION;
    }
}

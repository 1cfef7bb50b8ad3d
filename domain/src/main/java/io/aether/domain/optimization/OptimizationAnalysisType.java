package io.aether.domain.optimization;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.aether.domain.WireValues;

/**
 * What an optimization run looks for: the original's six types. {@link #BEHAVIOR_ANALYSIS} and
 * {@link #AUTOMATION_GAP_DETECTION} both read manual actions repeated at similar times and
 * suggest time-triggered automations; {@link #CORRELATION_DISCOVERY} suggests state-triggered ones
 * from manual actions that follow another entity's change; {@link #DEVICE_HEALTH},
 * {@link #COST_OPTIMIZATION} (the energy analysis) and {@link #AUTOMATION_ANALYSIS} (automations
 * off, unavailable or not run) record insights.
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
}

package io.aether.domain.optimization;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.aether.domain.WireValues;

/** An optimization job: running until it completes or fails. */
public enum OptimizationStatus {
    RUNNING,
    COMPLETED,
    FAILED;

    @JsonValue
    public String wire() {
        return WireValues.of(this);
    }

    @JsonCreator
    public static OptimizationStatus fromWire(String value) {
        return WireValues.parse(values(), value, "job status");
    }
}

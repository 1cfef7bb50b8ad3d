package io.aether.domain.proposal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.aether.domain.WireValues;

/** How a rollback re-establishes the earlier version in Home Assistant. */
public enum RollbackStrategy {
    /** Put back exactly what was live at the target version (re-POST it, or delete when nothing was there). */
    RESTORE,
    /** Leave the config in place and only turn the automation off. */
    DISABLE;

    @JsonValue
    public String wire() {
        return WireValues.of(this);
    }

    @JsonCreator
    public static RollbackStrategy fromWire(String value) {
        return WireValues.parse(values(), value, "rollback strategy");
    }
}
